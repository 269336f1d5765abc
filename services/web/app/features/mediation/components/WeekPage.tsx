import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState.tsx';
import { type CalendarSession, mediatorsQuery, weekQuery } from '../api.ts';
import { addDays, calendarZone, wallClock } from '../week.ts';
import { MovePanel } from './MovePanel.tsx';
import { WeekGrid } from './WeekGrid.tsx';

const route = getRouteApi('/app/mediation/week');

export interface Move {
  session: CalendarSession;
  start: string;
  end: string;
}

/**
 * A mediator's week: sessions on a grid over their availability; drag one to another slot (or pick
 * it and type a time) and the service's slot check shows every conflict before anything is saved.
 */
export function WeekPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const { actor } = route.useRouteContext();
  const navigate = route.useNavigate();
  const date = search.date ?? wallClock(new Date().toISOString(), calendarZone).date;
  const [move, setMove] = useState<Move | undefined>();
  const mediators = useQuery({
    ...mediatorsQuery(actor.association ?? ''),
    enabled: Boolean(actor.association),
  });
  const nameOf = (item: { mediatorId: string; name: string | null }) =>
    item.name ?? t('mediation.week.unnamed', { id: item.mediatorId.slice(0, 8) });
  const query = useQuery({
    ...weekQuery(search.mediatorId ?? '', date),
    enabled: Boolean(search.mediatorId),
  });
  const go = (patch: { mediatorId?: string; date?: string }) => {
    setMove(undefined);
    void navigate({ search: (s) => ({ ...s, ...patch }) });
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('mediation.week.title')}
      </Title>
      <Group align="end">
        <NativeSelect
          label={t('mediation.week.mediator')}
          data={[
            { value: '', label: '—' },
            ...(mediators.data?.items ?? []).map((item) => ({ value: item.mediatorId, label: nameOf(item) })),
          ]}
          value={search.mediatorId ?? ''}
          onChange={(e) => e.currentTarget.value && go({ mediatorId: e.currentTarget.value })}
        />
        <Button variant="subtle" onClick={() => go({ date: addDays(date, -7) })}>
          {t('mediation.week.previous')}
        </Button>
        <Button variant="subtle" onClick={() => go({ date: addDays(date, 7) })}>
          {t('mediation.week.next')}
        </Button>
      </Group>
      {mediators.data?.items.length === 0 && <Text size="sm">{t('mediation.week.noMediators')}</Text>}
      {search.mediatorId && (
        <QueryState query={query}>
          {(week) => (
            <Stack>
              <Title order={2} size="h4">
                {t('mediation.week.of', { name: nameOf(week.mediator) })}
              </Title>
              {move && (
                <MovePanel
                  key={`${move.session.sessionId}-${move.start}`}
                  move={move}
                  onDone={() => setMove(undefined)}
                />
              )}
              <WeekGrid week={week} selected={move?.session.sessionId} onMove={setMove} />
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
