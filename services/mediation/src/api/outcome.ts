import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EncryptedEnvelope } from '@parcours/eventstore';
import type { Static } from '@sinclair/typebox';
import { MediationErrors } from '../errors.ts';
import { hasMediation } from '../mandate/mandate.ts';
import type { Term } from '../mandate/terms.ts';
import type { MediationModule } from '../module.ts';
import { termErrorsOf } from './bodies.ts';
import { mandateRunner, post } from './mandates.ts';
import { AgreementBody, ExecutionBody, FailureBody, TermParams } from './schemas.ts';

/**
 * The outcome: an agreement with its terms (their free text encrypted for the party who undertakes
 * them), a failure with its reason, the execution of a term, the report recorded as sent.
 */
export const outcomeRoutes: FastifyPluginAsyncTypebox<{ module: MediationModule }> = async (
  app,
  { module },
) => {
  const { keys } = module;
  const run = mandateRunner(module);

  app.post(
    '/mandates/:mandateId/agreement',
    post(
      'The agreement the parties signed, with its terms (compensation and instalments, apology, restitution, undertakings)',
      AgreementBody,
    ),
    async (request) =>
      run(request, 'record-outcome', async (metadata, state) => {
        if (!hasMediation(state)) throw MediationErrors.wrongStatus(state.status, 'agreed');
        const errors = termErrorsOf(request.body.terms);
        if (errors.length > 0)
          throw MediationErrors.invalid('invalid_terms', 'The terms are not valid', errors);
        const terms = await Promise.all(
          request.body.terms.map(async ({ details, ...body }): Promise<Term> => {
            const termId = randomUUID();
            const subject = state.parties[body.by]?.subjectId;
            // A term of an unknown party is refused by the decider; its text is never kept.
            const sealed: EncryptedEnvelope | undefined =
              details && subject ? await keys.encrypt(subject, details) : undefined;
            return { ...body, termId, ...(sealed ? { details: sealed } : {}) } as Term;
          }),
        );
        return { type: 'SignAgreement', data: { terms, signatures: request.body.signatures }, metadata };
      }),
  );

  app.post(
    '/mandates/:mandateId/failure',
    post('The mediation failed: the file goes back to the prosecutor with its reason', FailureBody),
    async (request) =>
      run(request, 'record-outcome', (metadata) => ({
        type: 'ReturnMandate',
        data: { reason: request.body.reason as Static<typeof FailureBody>['reason'] },
        metadata,
      })),
  );

  app.post(
    '/mandates/:mandateId/terms/:termId/execution',
    post('A term (or an instalment) carried out', ExecutionBody, TermParams),
    async (request) =>
      run(request, 'record-outcome', (metadata) => ({
        type: 'RecordTermExecution',
        data: {
          termId: request.params.termId,
          executedOn: request.body.executedOn,
          ...(request.body.instalment ? { instalment: request.body.instalment } : {}),
        },
        metadata,
      })),
  );

  app.post('/mandates/:mandateId/report', post('The report was sent to the prosecutor'), async (request) => {
    const reportId = randomUUID();
    const result = await run(request, 'record-outcome', (metadata) => ({
      type: 'SendReport',
      data: { reportId },
      metadata,
    }));
    return { ...result, created: reportId };
  });
};
