import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Schemes } from '@parcours/contracts';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { fileCommands } from '../files/command-route.ts';
import { Day, strict } from '../files/fields.ts';
import type { FollowUpModule } from '../module.ts';
import { WaiverReasons } from './compensation.ts';
import { ReliefReasons } from './deadlines.ts';

const tags = ['compensation'];
const SchemeParams = Type.Object(
  { fileId: Type.String({ minLength: 1, maxLength: 64 }), scheme: StringEnum(Schemes) },
  strict,
);

/**
 * Compensation deadlines (CIVI, SARVI) computed from the procedure's facts; a minor victim's
 * majority date comes on the request, is used, and is not kept. Claims filed (late ones with their
 * relief reason), or waived.
 */
export const compensationRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (
  app,
  { module },
) => {
  const command = fileCommands(app, module);
  command(
    '/files/:fileId/compensation/:scheme/track',
    {
      summary: 'Track (again) the scheme’s deadline from the procedure’s facts',
      tags,
      params: SchemeParams,
      body: Type.Object(
        { majorityOn: Type.Optional(Day), civiRefusalNotifiedOn: Type.Optional(Day) },
        strict,
      ),
    },
    (body, { params }) => ({
      type: 'TrackCompensationDeadline',
      data: { scheme: params['scheme'] as (typeof Schemes)[number], ...body },
    }),
  );
  command(
    '/files/:fileId/compensation/:scheme/claim',
    {
      summary: 'Record the claim filed (a late one names its relief reason)',
      tags,
      params: SchemeParams,
      body: Type.Object({ filedOn: Day, relief: Type.Optional(StringEnum(ReliefReasons)) }, strict),
    },
    (body, { params }) => ({
      type: 'FileCompensationClaim',
      data: { scheme: params['scheme'] as (typeof Schemes)[number], ...body },
    }),
  );
  command(
    '/files/:fileId/compensation/:scheme/waive',
    {
      summary: 'Record that no claim will be filed, and why',
      tags,
      params: SchemeParams,
      body: Type.Object({ reason: StringEnum(WaiverReasons) }, strict),
    },
    (body, { params }) => ({
      type: 'WaiveCompensation',
      data: { scheme: params['scheme'] as (typeof Schemes)[number], reason: body.reason },
    }),
  );
};
