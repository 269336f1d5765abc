import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { fileCommands } from '../files/command-route.ts';
import { Day, Id, Instant, itemParams, strict, utc, WireId } from '../files/fields.ts';
import type { FollowUpModule } from '../module.ts';
import { AppealParties, ComplaintAuthorities, ProsecutionDecisions } from './procedure.ts';

const tags = ['procedure'];
// A hearing's court is named on followup.events.v1.
const Court = WireId;
const Chamber = Type.String({ minLength: 1, maxLength: 120 });

/** The judicial procedure as the association follows it: complaint, decision, hearings, judgments, appeals. */
export const procedureRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const command = fileCommands(app, module);

  command(
    '/files/:fileId/complaint',
    {
      summary: 'Record the complaint',
      tags,
      body: Type.Object(
        {
          filedOn: Day,
          with: StringEnum(ComplaintAuthorities),
          offenceOn: Type.Optional(Day),
          reference: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        },
        strict,
      ),
    },
    (body) => ({ type: 'RecordComplaint', data: body }),
  );

  command(
    '/files/:fileId/prosecution',
    {
      summary: 'Record the prosecution decision',
      tags,
      body: Type.Object(
        { decision: StringEnum(ProsecutionDecisions), decidedOn: Day, court: Type.Optional(Court) },
        strict,
      ),
    },
    (body) => ({ type: 'RecordProsecutionDecision', data: body }),
  );

  command(
    '/files/:fileId/hearings',
    {
      summary: 'Schedule a hearing (its accompaniment or preparation task and reminders follow)',
      tags,
      body: Type.Object(
        { court: Court, chamber: Chamber, startsAt: Instant, accompanimentPlanned: Type.Boolean() },
        strict,
      ),
    },
    (body, { newId }) => ({
      type: 'ScheduleHearing',
      data: { ...body, startsAt: utc(body.startsAt), hearingId: newId },
    }),
  );

  const hearing = itemParams('hearingId');
  command(
    '/files/:fileId/hearings/:hearingId/reschedule',
    { summary: 'Move a hearing', tags, params: hearing, body: Type.Object({ startsAt: Instant }, strict) },
    (body, { params }) => ({
      type: 'RescheduleHearing',
      data: { hearingId: params['hearingId']!, startsAt: utc(body.startsAt) },
    }),
  );
  command(
    '/files/:fileId/hearings/:hearingId/cancel',
    { summary: 'Cancel a hearing', tags, params: hearing },
    (_body, { params }) => ({ type: 'CancelHearing', data: { hearingId: params['hearingId']! } }),
  );
  command(
    '/files/:fileId/hearings/:hearingId/held',
    { summary: 'Record that a hearing was held', tags, params: hearing },
    (_body, { params }) => ({ type: 'RecordHearingHeld', data: { hearingId: params['hearingId']! } }),
  );

  command(
    '/files/:fileId/judgments',
    {
      summary: 'Record a judgment (final: its compensation deadlines are tracked)',
      tags,
      body: Type.Object(
        {
          court: Court,
          on: Day,
          final: Type.Boolean(),
          finalOn: Type.Optional(Day),
          civilParty: Type.Boolean(),
          awardCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
          onAppealOf: Type.Optional(Id),
        },
        strict,
      ),
    },
    (body, { newId }) => ({ type: 'RecordJudgment', data: { ...body, judgmentId: newId } }),
  );

  const judgment = itemParams('judgmentId');
  command(
    '/files/:fileId/judgments/:judgmentId/final',
    {
      summary: 'Record that a judgment became final',
      tags,
      params: judgment,
      body: Type.Object({ finalOn: Day }, strict),
    },
    (body, { params }) => ({
      type: 'RecordJudgmentFinal',
      data: { judgmentId: params['judgmentId']!, finalOn: body.finalOn },
    }),
  );
  command(
    '/files/:fileId/judgments/:judgmentId/appeal',
    {
      summary: 'Record an appeal against a judgment',
      tags,
      params: judgment,
      body: Type.Object({ party: StringEnum(AppealParties), on: Day }, strict),
    },
    (body, { params }) => ({ type: 'RecordAppeal', data: { judgmentId: params['judgmentId']!, ...body } }),
  );
};
