import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState.tsx';
import { type CalendarSession, weekQuery } from '../api.ts';
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
  const navigate = route.useNavigate();
  const date = search.date ?? wallClock(new Date().toISOString(), calendarZone).date;
  const [mediatorId, setMediatorId] = useState(search.mediatorId ?? '');
  const [move, setMove] = useState<Move | undefined>();
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
      <form
        onSubmit={(e) => {
          e.preventDefault();
          go({ mediatorId: mediatorId.trim() });
        }}
      >
        <Group align="end">
          <TextInput
            label={t('mediation.week.mediator')}
            value={mediatorId}
            onChange={(e) => setMediatorId(e.currentTarget.value)}
          />
          <Button type="submit" variant="light">
            {t('mediation.week.show')}
          </Button>
          <Button variant="subtle" onClick={() => go({ date: addDays(date, -7) })}>
            {t('mediation.week.previous')}
          </Button>
          <Button variant="subtle" onClick={() => go({ date: addDays(date, 7) })}>
            {t('mediation.week.next')}
          </Button>
        </Group>
      </form>
      {search.mediatorId && (
        <QueryState query={query}>
          {(week) => (
            <Stack>
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
