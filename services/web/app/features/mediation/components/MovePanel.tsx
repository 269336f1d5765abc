import { Alert, Button, Card, Group, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import { checkMove, useReschedule } from '../api.ts';
import { formatWallClock, fromWallClock, wallClockInput } from '../week.ts';
import type { Move } from './WeekPage.tsx';

/**
 * A proposed move: the new time, the service's check of it (every conflict named), and saving only
 * when nothing conflicts. The time can be typed too (keyboard), which checks again.
 */
export function MovePanel({ move, onDone }: { move: Move; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [proposed, setProposed] = useState({ start: move.start, end: move.end });
  // Typed and shown on the Paris wall clock, as the grid is, whatever this computer's zone.
  const [typed, setTyped] = useState(wallClockInput(move.start));
  const moved = proposed.start !== move.session.start;
  const check = useQuery({
    queryKey: ['mediation', 'check', move.session.sessionId, proposed.start],
    queryFn: () => checkMove(move.session, proposed.start, proposed.end),
    enabled: moved,
    staleTime: 0,
  });
  const reschedule = useReschedule();
  const conflicts = check.data?.conflicts ?? [];
  const saveConflicts =
    reschedule.error instanceof ApiError ? (reschedule.error.problem.errors ?? []).map((e) => e.message) : [];
  const length = Date.parse(move.end) - Date.parse(move.start);
  return (
    <Card withBorder aria-labelledby="move-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="move-title">
          {t('mediation.move.title', { at: formatWallClock(move.session.start, i18n.language) })}
        </Title>
        <Group align="end">
          <TextInput
            type="datetime-local"
            label={`${t('mediation.move.newStart')} (${t('mediation.week.parisTime')})`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
          <Button
            variant="light"
            onClick={() => {
              const [date = '', time = ''] = typed.split('T');
              if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}/.test(time)) return;
              const start = fromWallClock(date, time.slice(0, 5));
              setProposed({ start, end: new Date(Date.parse(start) + length).toISOString() });
            }}
          >
            {t('mediation.move.check')}
          </Button>
        </Group>
        {moved && (
          <Text size="sm">
            {t('mediation.move.to', {
              from: formatWallClock(proposed.start, i18n.language),
              to: formatWallClock(proposed.end, i18n.language),
            })}
          </Text>
        )}
        {moved && check.isPending && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('mediation.move.checking')}</Text>
          </Group>
        )}
        {check.isError && <ProblemAlert error={check.error} />}
        {check.data && conflicts.length === 0 && (
          <Alert color="teal" role="status">
            {t('mediation.move.free')}
          </Alert>
        )}
        {conflicts.length > 0 && (
          <Alert color="red" title={t('mediation.move.conflicts')} role="alert">
            <List size="sm">
              {conflicts.map((c) => (
                <List.Item key={`${c.code}-${c.field ?? ''}-${c.sessionId ?? ''}-${c.partyId ?? ''}`}>
                  {t(`mediation.conflicts.${c.code}`, { defaultValue: c.code })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {reschedule.isError && (
          <Alert color="red" role="alert" title={t('errors.title')}>
            {saveConflicts.length > 0 ? (
              saveConflicts
                .map((code) => t(`mediation.conflicts.${code}`, { defaultValue: code }))
                .join(' ; ')
            ) : (
              <ProblemAlert error={reschedule.error} />
            )}
          </Alert>
        )}
        <Group>
          <Button
            disabled={!check.data?.ok}
            loading={reschedule.isPending}
            onClick={() =>
              reschedule.mutate({ session: move.session, ...proposed }, { onSuccess: () => onDone() })
            }
          >
            {t('mediation.move.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
