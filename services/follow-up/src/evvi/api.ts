import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EvviLevels, EvviRequesters, ProtectiveMeasures } from '@parcours/contracts';
import { logAccess } from '@parcours/eventstore';
import { StringEnum } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { assertCan } from '../access.ts';
import { FileErrors } from '../file/errors.ts';
import { fileReaders } from '../files/api.ts';
import { fileCommands } from '../files/command-route.ts';
import { ReadQuery } from '../files/schemas.ts';
import type { FollowUpModule } from '../module.ts';
import { AuthorLinks, HarmSeverities } from './evvi.ts';
import { renderEvviOpinion } from './pdf.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Day = Type.String({ format: 'date' });
const strict = { additionalProperties: false } as const;
const tags = ['evvi'];
const severity = StringEnum(HarmSeverities);

const Criteria = Type.Object(
  {
    harm: Type.Object({ physical: severity, psychological: severity, material: severity }, strict),
    circumstances: Type.Object(
      {
        discriminatoryMotive: Type.Boolean(),
        sexistMotive: Type.Boolean(),
        linkWithAuthor: StringEnum(AuthorLinks),
      },
      strict,
    ),
    personal: Type.Object(
      {
        minor: Type.Boolean(),
        elderly: Type.Boolean(),
        pregnancy: Type.Boolean(),
        disability: Type.Boolean(),
      },
      strict,
    ),
    riskOfIntimidationOrReprisals: Type.Boolean(),
    coerciveControl: Type.Boolean(),
  },
  strict,
);

/**
 * The in-depth vulnerability assessment: requested (a prosecutor, an investigating judge; a
 * requisition's flag requests it by itself), submitted as versions with the opinion and the new
 * facts encrypted for the victim, and the opinion for the prosecutor as a PDF (a logged read).
 */
export const evviRoutes: FastifyPluginAsyncTypebox<{ module: FollowUpModule }> = async (app, { module }) => {
  const command = fileCommands(app, module);
  const { keys } = module;

  command(
    '/files/:fileId/evvi/requests',
    {
      summary: 'Record a request for an EVVI, with its due date',
      tags,
      body: Type.Object(
        {
          requestedBy: StringEnum(EvviRequesters.filter((r) => r !== 'requisition')),
          dueOn: Day,
          reference: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        },
        strict,
      ),
    },
    (body, { newId }) => ({ type: 'RequestEvvi', data: { requestId: newId, ...body } }),
  );

  command(
    '/files/:fileId/evvi/versions',
    {
      summary: 'Submit a version of the assessment (a later one says which new facts called for it)',
      tags,
      body: Type.Object(
        {
          requestId: Type.Optional(Id),
          criteria: Criteria,
          level: StringEnum(EvviLevels),
          measures: Type.Array(StringEnum(ProtectiveMeasures), { maxItems: 20, uniqueItems: true }),
          opinion: Type.String({ minLength: 1, maxLength: 20_000 }),
          newFacts: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
        },
        strict,
      ),
    },
    async (body, { file }) => {
      const subject = file.file.facts.subjectId;
      const { opinion, newFacts, requestId, ...assessment } = body;
      return {
        type: 'SubmitEvvi',
        data: {
          ...assessment,
          ...(requestId ? { requestId } : {}),
          opinion: await keys.encrypt(subject, opinion),
          ...(newFacts ? { newFacts: await keys.encrypt(subject, newFacts) } : {}),
        },
      };
    },
  );

  app.get(
    '/files/:fileId/evvi/versions/:version/opinion.pdf',
    {
      schema: {
        tags,
        summary:
          'The association’s opinion for the prosecutor, as a PDF (each read is written to the access log)',
        params: Type.Object({ fileId: Id, version: Type.Integer({ minimum: 1, maximum: 1_000 }) }, strict),
        querystring: ReadQuery,
        produces: ['application/pdf'],
      },
      preHandler: fileReaders,
    },
    async (request, reply) => {
      const file = await module.followUp.loadFile(request.params.fileId);
      if (file.status === 'none') throw FileErrors.notFound();
      assertCan(request.actor, 'file:read', file.file.place);
      const assessment = file.evvi.versions[request.params.version - 1];
      const evviRequest = file.evvi.requests.find((r) => r.requestId === assessment?.requestId);
      if (!assessment || !evviRequest) throw FileErrors.notFound();
      await logAccess(module.db, {
        actor: request.actor.id,
        subject: { kind: 'followup-file', id: file.file.fileId },
        purpose: `evvi-opinion: ${request.query.purpose}`,
      });
      const opinion = await keys.tryDecrypt<string>(assessment.opinion);
      if (opinion === null) throw FileErrors.conflict('personal_data_erased', 'The victim’s data was erased');
      const newFacts = assessment.newFacts ? await keys.tryDecrypt<string>(assessment.newFacts) : null;
      const { opinion: _o, newFacts: _n, by: _by, at, ...rest } = assessment;
      const pdf = await renderEvviOpinion({
        fileId: file.file.fileId,
        association: { id: file.file.place.associationId },
        office: { id: file.file.place.officeId },
        request: evviRequest,
        assessment: { ...rest, submittedAt: at },
        opinion,
        ...(newFacts ? { newFacts } : {}),
      });
      return reply.type('application/pdf').send(Buffer.from(pdf));
    },
  );
};
