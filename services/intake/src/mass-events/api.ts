import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OffenceCategories } from '@parcours/contracts';
import { handleCommand } from '@parcours/eventstore';
import { commandMetadata, eventMetadata, notFound, StringEnum, unprocessable } from '@parcours/service-kit';
import { Type } from '@sinclair/typebox';
import { intakeAccess } from '../access.ts';
import type { IntakeModule } from '../module.ts';
import { parseCsv } from './csv.ts';
import { MassEventKinds, massEventDecider, massEventStreamId } from './mass-event.ts';
import { listMassEvents } from './read-model.ts';

const ImportReportSchema = Type.Object({
  importId: Type.String(),
  massEventId: Type.String(),
  status: Type.String(),
  total: Type.Union([Type.Integer(), Type.Null()]),
  done: Type.Integer(),
  imported: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
});

/** Mass-casualty events and the import of their victim lists (CSV, one intake per victim). */
/** Data rows of a CSV list (records after the header); a list the parser refuses counts as unknown. */
async function countRows(body: Buffer): Promise<number | undefined> {
  let records = 0;
  try {
    for await (const _record of parseCsv([body])) records++;
  } catch {
    return undefined;
  }
  return Math.max(0, records - 1);
}

export const massEventRoutes: FastifyPluginAsyncTypebox<{ module: IntakeModule }> = async (
  app,
  { module },
) => {
  const { db, store, importer, config } = module;
  const managers = intakeAccess.guard('mass-event.manage');

  // The list arrives as text/csv; parsed as a stream by the importer, never as one JSON body.
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/mass-events',
    {
      schema: {
        tags: ['mass-events'],
        summary: 'Record a mass-casualty event',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            kind: StringEnum(MassEventKinds),
            occurredOn: Type.String({ format: 'date' }),
            communeCode: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$' })),
            offenceCategory: StringEnum(OffenceCategories),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ massEventId: Type.String() }) },
      },
      preHandler: managers,
      config: { idempotent: true },
    },
    async (request, reply) => {
      const massEventId = randomUUID();
      const metadata = commandMetadata(request);
      const { name, kind, occurredOn, communeCode, offenceCategory } = request.body;
      await handleCommand(
        store,
        massEventStreamId(massEventId),
        massEventDecider,
        {
          type: 'RecordMassEvent',
          data: { massEventId, name, kind, occurredOn, communeCode: communeCode ?? null, offenceCategory },
          metadata,
        },
        { metadata: eventMetadata(metadata) },
      );
      return reply.code(201).header('location', `/mass-events/${massEventId}`).send({ massEventId });
    },
  );

  app.get(
    '/mass-events',
    {
      schema: {
        tags: ['mass-events'],
        summary: 'The mass-casualty events: open ones first, then the most recent',
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(['open', 'closed'] as const)),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                massEventId: Type.String(),
                name: Type.String(),
                kind: StringEnum(MassEventKinds),
                occurredOn: Type.String({ format: 'date' }),
                communeCode: Type.Union([Type.String(), Type.Null()]),
                offenceCategory: StringEnum(OffenceCategories),
                status: StringEnum(['open', 'closed'] as const),
                recordedAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
        },
      },
      preHandler: managers,
    },
    async (request) => listMassEvents(db.em(), request.query),
  );

  app.post(
    '/mass-events/:massEventId/imports',
    {
      schema: {
        tags: ['mass-events'],
        summary: 'Import a victim list (text/csv); answers 202, progress at the Location',
        description:
          'Columns: last_name, first_name, postcode (required), birth_date, phone, email, address, commune_code, country, ' +
          'offence_category, needs (a|b), vulnerabilities, urgency, consent_services, consent_sharing, no_voicemail. ' +
          'Good rows are kept; bad rows are listed with their line and column.',
        params: Type.Object({ massEventId: Type.String({ format: 'uuid' }) }),
        response: { 202: Type.Object({ importId: Type.String() }) },
      },
      preHandler: managers,
    },
    async (request, reply) => {
      const { massEventId } = request.params;
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw unprocessable('csv_required', 'Send the list as text/csv');
      const { importId } = await importer.start(
        massEventId,
        Readable.from([body]),
        commandMetadata(request),
        // The whole list is here: count its rows first, so progress reads "300 of 1,000" from the start.
        { concurrency: config.IMPORT_CONCURRENCY, rows: await countRows(body) },
      );
      return reply
        .code(202)
        .header('location', `/mass-events/${massEventId}/imports/${importId}`)
        .send({ importId });
    },
  );

  app.get(
    '/mass-events/:massEventId/imports/:importId',
    {
      schema: {
        tags: ['mass-events'],
        summary: 'Progress and per-row errors of an import',
        params: Type.Object({
          massEventId: Type.String({ format: 'uuid' }),
          importId: Type.String({ format: 'uuid' }),
        }),
        response: { 200: ImportReportSchema },
      },
      preHandler: managers,
    },
    async (request) => {
      const report = await importer.report(request.params.importId);
      if (!report || report.massEventId !== request.params.massEventId)
        throw notFound('import_not_found', 'No such import');
      return report;
    },
  );
};
