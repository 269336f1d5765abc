import type { FieldError } from '@parcours/service-kit';
import type { Static } from '@sinclair/typebox';
import { MediationErrors } from '../errors.ts';
import type { RecordProsecutorDecision } from '../mandate/commands.ts';
import type { DecisionBody, TermBody } from './schemas.ts';

/** Each kind of term needs its fields, and no other kind's: the term as the domain holds it, or 422s. */
const needs = {
  compensation: ['to', 'amountCents', 'instalments'],
  apology: ['to', 'form', 'dueDate'],
  restitution: ['to', 'dueDate'],
  undertaking: ['dueDate'],
} as const;
const optional = { restitution: ['details'], undertaking: ['details'] } as Record<string, readonly string[]>;
const fields = ['to', 'amountCents', 'instalments', 'form', 'dueDate', 'details'] as const;

export type TermInput = Static<typeof TermBody>;

export function termErrorsOf(terms: readonly TermInput[]): FieldError[] {
  return terms.flatMap((term, index) => {
    const wanted: readonly string[] = needs[term.kind];
    const allowed = [...wanted, ...(optional[term.kind] ?? [])];
    return fields.flatMap((field): FieldError[] => {
      const present = term[field] !== undefined;
      if (wanted.includes(field) && !present)
        return [{ field: `/body/terms/${index}/${field}`, message: `required for a ${term.kind}` }];
      if (!allowed.includes(field) && present)
        return [{ field: `/body/terms/${index}/${field}`, message: `not part of a ${term.kind}` }];
      return [];
    });
  });
}

/** The prosecutor's decision: an order needs its reference and dates. */
export function decisionOf(body: Static<typeof DecisionBody>): RecordProsecutorDecision['data'] {
  if (body.decision === 'declined') return { decision: 'declined' };
  const { prosecutorReference, orderedOn, deadline, qualification } = body;
  if (!prosecutorReference || !orderedOn || !deadline) {
    const missing = (['prosecutorReference', 'orderedOn', 'deadline'] as const).filter((f) => !body[f]);
    throw MediationErrors.invalid(
      'order_incomplete',
      'An order names its reference, its date and its deadline',
      missing.map((f) => ({ field: `/body/${f}`, message: 'required when the decision is ordered' })),
    );
  }
  return {
    decision: 'ordered',
    prosecutorReference,
    orderedOn,
    deadline,
    ...(qualification ? { qualification } : {}),
  };
}
