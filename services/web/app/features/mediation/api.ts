import '../../i18n/mediation.ts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { data, idempotencyKey, mediation } from '../../api/client.ts';
import type { paths } from '../../api/generated/mediation.ts';

export type Week =
  paths['/mediators/{mediatorId}/week']['get']['responses']['200']['content']['application/json'];
export type CalendarSession = Week['sessions'][number];
export type CheckResult =
  paths['/mandates/{mandateId}/sessions/check']['post']['responses']['200']['content']['application/json'];

export type MediatorItem =
  paths['/associations/{associationId}/mediators']['get']['responses']['200']['content']['application/json']['items'][number];

/** The association's mediators by name, for the week page's choice of mediator. */
export const mediatorsQuery = (associationId: string) =>
  queryOptions({
    queryKey: ['mediation', 'mediators', associationId],
    queryFn: () =>
      data(mediation.GET('/associations/{associationId}/mediators', { params: { path: { associationId } } })),
  });

export const weekQuery = (mediatorId: string, date: string) =>
  queryOptions({
    queryKey: ['mediation', 'week', mediatorId, date],
    queryFn: () =>
      data(
        mediation.GET('/mediators/{mediatorId}/week', { params: { path: { mediatorId }, query: { date } } }),
      ),
  });

/** The same session somewhere else: its mediator, room and parties, each arrival moved as much as the start. */
export function movedSlot(session: CalendarSession, start: string, end: string) {
  const delta = Date.parse(start) - Date.parse(session.start);
  return {
    start,
    end,
    mediatorId: session.mediatorId,
    roomId: session.roomId,
    officeId: session.officeId,
    convocations: session.parties.map((p) => ({
      partyId: p.partyId,
      arriveAt: new Date(Date.parse(p.arriveAt) + delta).toISOString(),
    })),
  };
}

/** Every conflict of a proposed move, before anything is saved (the service's slot check). */
export const checkMove = (session: CalendarSession, start: string, end: string) =>
  data(
    mediation.POST('/mandates/{mandateId}/sessions/check', {
      params: { path: { mandateId: session.mandateId } },
      body: {
        sessionId: session.sessionId,
        kind: session.kind as 'individual' | 'joint',
        ...movedSlot(session, start, end),
      },
    }),
  );

export function useReschedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ session, start, end }: { session: CalendarSession; start: string; end: string }) =>
      data(
        mediation.POST('/mandates/{mandateId}/sessions/{sessionId}/reschedule', {
          params: { path: { mandateId: session.mandateId, sessionId: session.sessionId } },
          headers: { 'idempotency-key': idempotencyKey() },
          body: movedSlot(session, start, end),
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mediation'] }),
  });
}
