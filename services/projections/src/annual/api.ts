import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { access } from '../access.ts';
import type { ProjectionsModule } from '../module.ts';
import { reportCsv, reportPdf } from './export.ts';
import { type AnnualReport, annualReport } from './report.ts';

const Counts = Type.Record(Type.String(), Type.Integer());
const ReportSchema = Type.Object({
  year: Type.Integer(),
  scope: Type.Object({ kind: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  persons: Counts,
  interviews: Type.Object({ total: Type.Integer(), byType: Counts }),
  offenceCategories: Counts,
  referralSources: Counts,
  evvi: Type.Object({ submitted: Type.Integer(), late: Type.Integer() }),
  accompaniedHearings: Type.Integer(),
  mediation: Type.Object({
    agreed: Type.Integer(),
    fulfilled: Type.Integer(),
    notFulfilled: Type.Integer(),
    returned: Counts,
    refused: Type.Integer(),
  }),
});
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const AssociationParams = Type.Object({
  associationId: Type.String({ minLength: 1, maxLength: 64 }),
  year: Year,
});
const NationalParams = Type.Object({ year: Year });
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' }) } },
});

const titleOf = (report: AnnualReport) =>
  `Rapport annuel ${report.year} — ${report.scope.id === null ? 'réseau national' : `association ${report.scope.id}`}`;

/**
 * The annual report of an approved association, and the network's: JSON, CSV and PDF. Aggregates
 * only (no identity); an association's report is its managers' and auditors', the national one the
 * federation's (access.ts).
 */
export const annualReportRoutes: FastifyPluginAsyncTypebox<{ module: ProjectionsModule }> = async (
  app,
  { module },
) => {
  const formats = [
    ['', 'JSON', { 200: ReportSchema }],
    ['/csv', 'CSV', { 200: binary('text/csv', 'The report, one line per figure') }],
    ['/pdf', 'PDF', { 200: binary('application/pdf', 'The report') }],
  ] as const;
  const send = async (
    report: AnnualReport,
    format: string,
    reply: { type(t: string): { send(b: unknown): unknown } },
  ) => {
    if (format === '/csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(report));
    if (format === '/pdf')
      return reply.type('application/pdf').send(Buffer.from(await reportPdf(report, titleOf(report))));
    return report;
  };
  for (const [suffix, name, response] of formats) {
    app.get(
      `/associations/:associationId/annual-reports/:year${suffix}`,
      {
        preHandler: access.guard('report.read'),
        schema: {
          tags: ['annual-report'],
          summary: `An association's annual report (${name})`,
          params: AssociationParams,
          response,
        },
      },
      async (request, reply) => {
        const { associationId, year } = request.params;
        access.check(request.actor, 'report.read', { associationId });
        return send(await annualReport(module.db, year, associationId), suffix, reply);
      },
    );
    app.get(
      `/annual-reports/:year${suffix}`,
      {
        preHandler: access.guard('report.read-national'),
        schema: {
          tags: ['annual-report'],
          summary: `The network's annual report (${name})`,
          params: NationalParams,
          response,
        },
      },
      async (request, reply) => {
        access.check(request.actor, 'report.read-national', {});
        return send(await annualReport(module.db, request.params.year), suffix, reply);
      },
    );
  }
};
