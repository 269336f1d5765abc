import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClosureReasons } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import type { FollowUpModule } from '../module.ts';
import { fileCommands } from './command-route.ts';
import { WireId } from './fields.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Text = (maxLength: number) => Type.String({ minLength: 3, maxLength });
const strict = { additionalProperties: false } as const;
const tags = ['files'];

/**
 * The file's life: assignment (the roster entry and the caseload read here), closure with the
 * office manager's approval when something is still open, reopening, and the mediation request.
 */
export const fileLifecycleRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const command = fileCommands(app, module);
  const { followUp } = module;

  command(
    '/files/:fileId/assign',
    {
      summary:
        'Assign or reassign the file to a caseworker on its office’s roster (over capacity: the office manager forces it)',
      tags,
      body: Type.Object({ caseworkerId: Id, force: Type.Optional(Type.Boolean()) }, strict),
    },
    async (body, { file }) => {
      const roster = await followUp.loadRoster(file.file.place.officeId);
      const staff = roster.staff[body.caseworkerId];
      return {
        type: 'AssignFile',
        data: {
          caseworkerId: body.caseworkerId,
          staff: staff ? { role: staff.role, capacity: staff.capacity } : null,
          openFiles: await followUp.openFiles(body.caseworkerId),
          ...(body.force ? { force: true } : {}),
        },
      };
    },
  );

  command(
    '/files/:fileId/closure',
    {
      summary:
        'Close the file with a reason; with a hearing, a compensation deadline or a mediation open, a caseworker’s request waits for the office manager',
      tags,
      body: Type.Object(
        {
          reason: StringEnum(ClosureReasons.filter((r) => r !== 'transferred')),
          details: Type.Optional(Text(1_000)),
        },
        strict,
      ),
    },
    (body) => ({
      type: 'RequestClosure',
      data: { reason: body.reason, ...(body.details ? { details: body.details } : {}) },
    }),
  );

  command(
    '/files/:fileId/closure/approve',
    { summary: 'Approve the closure waiting for the office manager', tags },
    () => ({ type: 'ApproveClosure', data: {} }),
  );

  command(
    '/files/:fileId/closure/refuse',
    {
      summary: 'Refuse the closure waiting for the office manager',
      tags,
      body: Type.Object({ comment: Type.Optional(Text(1_000)) }, strict),
    },
    (body) => ({ type: 'RefuseClosure', data: body.comment ? { comment: body.comment } : {} }),
  );

  command(
    '/files/:fileId/reopen',
    {
      summary: 'Reopen a closed file, with a reason',
      tags,
      body: Type.Object({ reason: Text(1_000) }, strict),
    },
    (body) => ({ type: 'ReopenFile', data: { reason: body.reason } }),
  );

  command(
    '/files/:fileId/mediation-request',
    {
      summary:
        'Request a penal mediation with the victim’s consent (never for violence within a couple); the mediation service takes it from followup.events.v1',
      tags,
      body: Type.Object(
        {
          victimConsents: Type.Boolean(),
          court: Type.Optional(WireId),
          prosecutorOffice: Type.Optional(WireId),
        },
        strict,
      ),
    },
    (body, { newId }) => ({
      type: 'RequestMediation',
      data: {
        mediationRequestId: newId,
        victimConsents: body.victimConsents,
        ...(body.court ? { court: body.court } : {}),
        ...(body.prosecutorOffice ? { prosecutorOffice: body.prosecutorOffice } : {}),
      },
    }),
  );
};
