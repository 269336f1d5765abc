import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContactChannels, ContactNumbers } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { assertCan } from '../access.ts';
import { FileErrors } from '../file/errors.ts';
import { fileCommands, fileStaff } from '../files/command-route.ts';
import { FileParams } from '../files/schemas.ts';
import { CallAdviceView } from '../files/view-schemas.ts';
import type { FollowUpModule } from '../module.ts';
import { mayCallNow } from './safe-contact.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const strict = { additionalProperties: false } as const;
const tags = ['contact'];
const Hour = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

const SafeContactBody = Type.Object(
  {
    safeNumber: Type.Boolean(),
    safeHours: Type.Boolean(),
    noVoicemail: Type.Boolean(),
    throughThirdParty: Type.Boolean(),
    windows: Type.Optional(
      Type.Array(
        Type.Object(
          {
            days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
              minItems: 1,
              maxItems: 7,
              uniqueItems: true,
            }),
            from: Hour,
            to: Hour,
          },
          strict,
        ),
        { maxItems: 14 },
      ),
    ),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  strict,
);

/**
 * Reaching out safely: the rules recorded, each attempt started (refused, naming the rule, outside
 * the safe hours, on another number than the one allowed) and ended (no voicemail when forbidden).
 */
export const contactRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const command = fileCommands(app, module);
  command(
    '/files/:fileId/safe-contact',
    { summary: 'Record the case’s safe-contact rules and safe hours', tags, body: SafeContactBody },
    (body, { file }) => {
      const { timeZone, ...rules } = body;
      return { type: 'SetSafeContact', data: { rules, timeZone: timeZone ?? file.contact.timeZone } };
    },
  );

  command(
    '/files/:fileId/contact-attempts',
    {
      summary: 'Start a contact attempt (refused outside the safe hours or on a number not allowed)',
      tags,
      body: Type.Object({ channel: StringEnum(ContactChannels), number: StringEnum(ContactNumbers) }, strict),
    },
    (body, { newId }) => ({ type: 'StartContactAttempt', data: { attemptId: newId, ...body } }),
  );

  command(
    '/files/:fileId/contact-attempts/:attemptId/end',
    {
      summary: 'End a contact attempt: answered, or a voicemail left (refused when forbidden)',
      tags,
      params: Type.Object({ fileId: Id, attemptId: Id }, strict),
      body: Type.Object({ answered: Type.Boolean(), voicemailLeft: Type.Boolean() }, strict),
    },
    (body, { params }) => ({
      type: 'EndContactAttempt',
      data: { attemptId: params['attemptId']!, ...body },
    }),
  );

  app.get(
    '/files/:fileId/may-call-now',
    {
      schema: {
        tags,
        summary:
          'What the screen shows before dialling: allowed, which number, voicemail, the local time, the next window',
        params: FileParams,
        response: { 200: CallAdviceView },
      },
      preHandler: fileStaff,
    },
    async (request) => {
      const file = await module.followUp.loadFile(request.params.fileId);
      if (file.status === 'none') throw FileErrors.notFound();
      assertCan(request.actor, 'file:work', file.file.place);
      return mayCallNow(file.contact.rules, new Date(), file.contact.timeZone);
    },
  );
};
