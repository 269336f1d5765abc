import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Urgencies } from '@parcours/contracts';
import { commandMetadata, StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { intakeAccess } from '../access.ts';
import type { IntakeModule } from '../module.ts';
import { CallbackOutcomes, CallbackSources } from './callback.ts';
import { callbackQueue } from './queue.ts';

const Task = Type.Object({
  taskId: Type.String(),
  source: Type.String(),
  intakeId: Type.Union([Type.String(), Type.Null()]),
  urgency: Type.String(),
  dueAt: Type.String(),
  status: Type.String(),
  requestedAt: Type.String(),
  completedAt: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
});

/** The helpline's callback queue: missed calls, voicemails and e-mails to answer, most urgent first. */
export const callbackRoutes: FastifyPluginAsyncTypebox<{ module: IntakeModule }> = async (
  app,
  { module },
) => {
  const { intakes, db } = module;

  app.post(
    '/callbacks',
    {
      schema: {
        tags: ['callbacks'],
        summary: 'Queue a callback (missed call, voicemail, e-mail); due by urgency unless given',
        body: Type.Object(
          {
            source: StringEnum(CallbackSources.filter((s) => s !== 'helpline-call')),
            urgency: StringEnum(Urgencies),
            dueAt: Type.Optional(Type.String({ format: 'date-time' })),
            intakeId: Type.Optional(Type.String({ format: 'uuid' })),
            contact: Type.Optional(
              Type.Object(
                {
                  phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{6,20}$' })),
                  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ taskId: Type.String() }) },
      },
      preHandler: intakeAccess.guard('callback.work'),
      config: { idempotent: true },
    },
    async (request, reply) => {
      const { source, urgency, dueAt, intakeId, contact } = request.body;
      const { taskId } = await intakes.requestCallback(
        {
          source: source as (typeof CallbackSources)[number],
          urgency,
          contact: contact ?? null,
          ...(dueAt ? { dueAt: new Date(dueAt).toISOString() } : {}),
          ...(intakeId ? { intakeId } : {}),
        },
        commandMetadata(request),
      );
      return reply.code(201).send({ taskId });
    },
  );

  app.get(
    '/callbacks',
    {
      schema: {
        tags: ['callbacks'],
        summary: 'The callback queue: by urgency, then due time',
        querystring: Type.Object(
          {
            status: Type.Optional(
              StringEnum(['open', 'completed'] as const, { description: 'open by default' }),
            ),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Task), total: Type.Integer() }) },
      },
      preHandler: intakeAccess.guard('callback.work'),
    },
    async (request) => {
      const { limit, offset } = request.query;
      const status = request.query.status ?? 'open';
      return callbackQueue(db.em(), { status, limit, offset });
    },
  );

  app.post(
    '/callbacks/:taskId/complete',
    {
      schema: {
        tags: ['callbacks'],
        summary: 'Complete a callback task',
        params: Type.Object({ taskId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ outcome: StringEnum(CallbackOutcomes) }, { additionalProperties: false }),
        response: { 200: Type.Object({ taskId: Type.String(), status: Type.String() }) },
      },
      preHandler: intakeAccess.guard('callback.work'),
      config: { idempotent: true },
    },
    async (request) => {
      const result = await intakes.completeCallback(
        request.params.taskId,
        request.body.outcome,
        commandMetadata(request),
      );
      return { taskId: request.params.taskId, status: result.state.status };
    },
  );
};
