import { Box, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarSession, Week } from '../api.ts';
import { addDays, firstHour, hhmm, lastHour, moveTo, rows, stepMinutes, wallClock } from '../week.ts';
import type { Move } from './WeekPage.tsx';

const rowHeight = 22;
const days = [1, 2, 3, 4, 5, 6, 7];

/**
 * The week as a grid: a column per day, a row per half hour; the mediator's available hours shaded,
 * sessions as blocks. A block is dragged onto a cell (HTML drag and drop) or chosen with the keyboard
 * (Enter), which opens the move form.
 */
export function WeekGrid({
  week,
  selected,
  onMove,
}: {
  week: Week;
  selected: string | undefined;
  onMove: (move: Move) => void;
}) {
  const { t, i18n } = useTranslation();
  const top = (minutes: number) => ((minutes - firstHour * 60) / stepMinutes) * rowHeight;
  const byId = new Map(week.sessions.map((s) => [s.sessionId, s]));
  const available = (weekday: number, minutes: number) =>
    week.weekly.some((w) => w.weekday === weekday && w.from <= hhmm(minutes) && hhmm(minutes) < w.to);
  const dayLabel = (weekday: number) =>
    new Intl.DateTimeFormat(i18n.language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${addDays(week.from, weekday - 1)}T12:00:00Z`));
  // The column takes the drop (a session block over the cell gets it first and lets it bubble): the
  // half hour is read from where the pointer is in the column.
  const drop = (weekday: number) => (event: React.DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const session = byId.get(event.dataTransfer.getData('text/plain'));
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const row = Math.min(rows.length - 1, Math.max(0, Math.floor(y / rowHeight)));
    if (session) onMove({ session, ...moveTo(session, weekday, firstHour * 60 + row * stepMinutes) });
  };
  return (
    <Box
      style={{ display: 'grid', gridTemplateColumns: '56px repeat(7, 1fr)', minWidth: 760 }}
      aria-label={t('mediation.week.grid')}
      role="region"
    >
      <div />
      {days.map((d) => (
        <Text key={d} size="sm" fw={600} ta="center">
          {dayLabel(d)}
        </Text>
      ))}
      <Box style={{ position: 'relative' }}>
        {rows
          .filter((m) => m % 60 === 0)
          .map((m) => (
            <Text key={m} size="xs" style={{ position: 'absolute', top: top(m), right: 6 }}>
              {hhmm(m)}
            </Text>
          ))}
      </Box>
      {days.map((weekday) => (
        // A drop zone for the mouse; the keyboard moves a session with the move form instead.
        <Box
          key={weekday}
          onDragOver={(e) => e.preventDefault()}
          onDrop={drop(weekday)}
          style={{
            position: 'relative',
            height: rows.length * rowHeight,
            borderLeft: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          {rows.map((minutes) => (
            <div
              key={minutes}
              data-slot={`${weekday}-${hhmm(minutes)}`}
              style={{
                height: rowHeight,
                borderTop: minutes % 60 === 0 ? '1px solid var(--mantine-color-gray-3)' : undefined,
                background: available(weekday, minutes) ? 'var(--mantine-color-teal-0)' : undefined,
              }}
            />
          ))}
          {week.sessions
            .filter((s) => s.status !== 'cancelled' && wallClock(s.start).weekday === weekday)
            .map((s) => (
              <SessionBlock
                key={s.sessionId}
                session={s}
                top={top(Math.max(wallClock(s.start).minutes, firstHour * 60))}
                height={Math.max(
                  rowHeight,
                  top(Math.min(wallClock(s.end).minutes || lastHour * 60, lastHour * 60)) -
                    top(Math.max(wallClock(s.start).minutes, firstHour * 60)),
                )}
                selected={selected === s.sessionId}
                onPick={() => onMove({ session: s, start: s.start, end: s.end })}
              />
            ))}
        </Box>
      ))}
    </Box>
  );
}

function SessionBlock({
  session,
  top,
  height,
  selected,
  onPick,
}: {
  session: CalendarSession;
  top: number;
  height: number;
  selected: boolean;
  onPick: () => void;
}) {
  const { t } = useTranslation();
  const from = hhmm(wallClock(session.start).minutes);
  const to = hhmm(wallClock(session.end).minutes);
  return (
    <UnstyledButton
      draggable
      onDragStart={(e: React.DragEvent) => e.dataTransfer.setData('text/plain', session.sessionId)}
      onClick={onPick}
      aria-pressed={selected}
      p={4}
      style={{
        position: 'absolute',
        top,
        left: 2,
        right: 2,
        height,
        overflow: 'hidden',
        cursor: 'grab',
        borderRadius: 4,
        background: selected ? 'var(--mantine-color-indigo-9)' : 'var(--mantine-color-blue-9)',
      }}
    >
      <Text size="xs" fw={600} c="white">
        {from}–{to}
      </Text>
      <Text size="xs" c="white">
        {t(`mediation.kinds.${session.kind}`)}
      </Text>
      <VisuallyHidden>{t('mediation.week.move')}</VisuallyHidden>
    </UnstyledButton>
  );
}
