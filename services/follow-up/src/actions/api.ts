import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ActionChannels, ActionKinds, Schemes } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { fileCommands } from '../files/command-route.ts';
import type { FollowUpModule } from '../module.ts';
import { maxActionMinutes, OrientationTargets } from './actions.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const ActionBody = Type.Object(
  {
    kind: StringEnum(ActionKinds),
    on: Type.String({ format: 'date-time', description: 'When it took place' }),
    durationMinutes: Type.Integer({ minimum: 1, maximum: maxActionMinutes }),
    channel: StringEnum(ActionChannels),
    staffIds: Type.Array(Id, { minItems: 1, maxItems: 10, uniqueItems: true }),
    /** Encrypted for the victim before it is stored: erasing the victim's key shreds it. */
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
    scheme: Type.Optional(StringEnum(Schemes)),
    orientedTo: Type.Optional(StringEnum(OrientationTargets)),
    hearingId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** Support actions ("entretiens"): typed, dated, timed, by whom, with a note encrypted for the victim. */
export const actionRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const command = fileCommands(app, module);
  command(
    '/files/:fileId/actions',
    { summary: 'Record a support action', tags: ['actions'], body: ActionBody },
    async (body, { file, newId }) => {
      const { note, ...action } = body;
      return {
        type: 'RecordSupportAction',
        data: {
          ...action,
          on: new Date(action.on).toISOString(),
          actionId: newId,
          note: note ? await module.keys.encrypt(file.file.facts.subjectId, note) : null,
        },
      };
    },
  );
};
