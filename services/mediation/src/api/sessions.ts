import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { MediationErrors } from '../errors.ts';
import { hasMediation, type MandateState } from '../mandate/mandate.ts';
import type { Slot } from '../mandate/sessions.ts';
import type { MediationModule } from '../module.ts';
import { checkSlot } from '../scheduling/check-slot.ts';
import { allow, mediationStaff, targetOf } from './guard.ts';
import { mandateRunner, post } from './mandates.ts';
import {
  AttendanceBody,
  CancelBody,
  CheckResponse,
  MandateParams,
  ScheduleBody,
  SessionParams,
  SlotBody,
} from './schemas.ts';

/** The slot a body proposes; the room is the mandate's office's unless another office is named. */
function slotOf(body: Static<typeof SlotBody>, state: MandateState): Slot {
  if (!hasMediation(state)) throw MediationErrors.wrongStatus(state.status, 'scheduled');
  const { start, end, mediatorId, roomId, officeId, convocations } = body;
  const iso = (instant: string) => new Date(instant).toISOString();
  return {
    start: iso(start),
    end: iso(end),
    mediatorId,
    roomId,
    officeId: officeId ?? state.mandate.officeId,
    convocations: convocations.map((c) => ({ partyId: c.partyId, arriveAt: iso(c.arriveAt) })),
  };
}

/**
 * Scheduling: individual interviews and joint sessions, checked by `checkSlot` and booked under the
 * exclusion constraint (a race lost is 409 slot_conflict naming the resource); reschedule, cancel,
 * attendance (absent is a no-show). The check route names the conflicts before anything is saved.
 */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ module: MediationModule }> = async (
  app,
  { module },
) => {
  const { mediation } = module;
  const run = mandateRunner(module);

  app.post(
    '/mandates/:mandateId/sessions',
    post('Schedule an individual interview or a joint session', ScheduleBody),
    async (request) => {
      const sessionId = randomUUID();
      const result = await run(request, 'conduct', async (metadata, state) => {
        const slot = slotOf(request.body, state);
        const context = await mediation.schedulingContext(slot);
        return {
          type: 'ScheduleSession',
          data: { sessionId, kind: request.body.kind, slot, context },
          metadata,
        };
      });
      return { ...result, created: sessionId };
    },
  );

  app.post(
    '/mandates/:mandateId/sessions/check',
    {
      schema: {
        tags: ['mediation'],
        summary:
          'Check a slot before saving it: every conflict, each with its code and field (a moved session names itself in sessionId)',
        params: MandateParams,
        body: Type.Object(
          { sessionId: Type.Optional(SessionParams.properties.sessionId), ...ScheduleBody.properties },
          { additionalProperties: false },
        ),
        response: { 200: CheckResponse },
      },
      preHandler: mediationStaff,
    },
    async (request) => {
      const state = await mediation.mandate(request.params.mandateId);
      allow(request.actor, 'read', targetOf(state));
      const slot = slotOf(request.body, state);
      const context = await mediation.schedulingContext(slot);
      const sessionId = request.body.sessionId ?? 'proposed';
      const existing = hasMediation(state) ? state.sessions[sessionId] : undefined;
      const kind = existing?.kind ?? request.body.kind;
      const conflicts = checkSlot(state, { sessionId, kind, slot }, context, new Date(), mediation.policy);
      return { ok: conflicts.length === 0, conflicts };
    },
  );

  app.post(
    '/mandates/:mandateId/sessions/:sessionId/reschedule',
    post(
      'Move a session (the invitations’ SEQUENCE goes up; the old reminders are void)',
      SlotBody,
      SessionParams,
    ),
    async (request) =>
      run(request, 'conduct', async (metadata, state) => {
        const slot = slotOf(request.body, state);
        const context = await mediation.schedulingContext(slot);
        return {
          type: 'RescheduleSession',
          data: { sessionId: request.params.sessionId, slot, context },
          metadata,
        };
      }),
  );

  app.post(
    '/mandates/:mandateId/sessions/:sessionId/cancel',
    post('Cancel a session: its mediator, room and parties are free again', CancelBody, SessionParams),
    async (request) =>
      run(request, 'conduct', (metadata) => ({
        type: 'CancelSession',
        data: { sessionId: request.params.sessionId, reason: request.body.reason },
        metadata,
      })),
  );

  app.post(
    '/mandates/:mandateId/sessions/:sessionId/attendance',
    post(
      'Who came: present, absent (a no-show) or excused, every convened party once',
      AttendanceBody,
      SessionParams,
    ),
    async (request) =>
      run(request, 'conduct', (metadata) => ({
        type: 'RecordAttendance',
        data: { sessionId: request.params.sessionId, attendance: request.body },
        metadata,
      })),
  );
};
