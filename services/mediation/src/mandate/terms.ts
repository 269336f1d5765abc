import type { EncryptedEnvelope } from '@parcours/eventstore';
import type { FieldError } from '@parcours/service-kit';
import { addDays, atLocal, type LocalDate } from '../calendar/time.ts';

/** One payment of a compensation, in euro cents. */
export interface Instalment {
  dueDate: LocalDate;
  amountCents: number;
}

interface TermBase {
  termId: string;
  /** The party who undertakes it. */
  by: string;
}

/** What the parties agree to. Free text (what is restituted, what is undertaken) is encrypted. */
export type Term =
  | (TermBase & { kind: 'compensation'; to: string; amountCents: number; instalments: Instalment[] })
  | (TermBase & { kind: 'apology'; to: string; form: 'oral' | 'written'; dueDate: LocalDate })
  | (TermBase & { kind: 'restitution'; to: string; dueDate: LocalDate; details?: EncryptedEnvelope })
  | (TermBase & { kind: 'undertaking'; dueDate: LocalDate; details?: EncryptedEnvelope });

export type TermKind = Term['kind'];

/** What is checked at a due date: a term, or one instalment of a compensation. */
export interface DueItem {
  termId: string;
  instalment?: number;
  dueDate: LocalDate;
}

export const itemKey = (item: { termId: string; instalment?: number | undefined }) =>
  item.instalment === undefined ? item.termId : `${item.termId}#${item.instalment}`;

export function dueItems(terms: readonly Term[]): DueItem[] {
  return terms.flatMap((term): DueItem[] =>
    term.kind === 'compensation'
      ? term.instalments.map((instalment, index) => ({
          termId: term.termId,
          instalment: index + 1,
          dueDate: instalment.dueDate,
        }))
      : [{ termId: term.termId, dueDate: term.dueDate }],
  );
}

/** Each due item is checked once its due date is over, at the next local midnight. */
export const checkAt = (item: DueItem, timeZone: string): Date =>
  atLocal(addDays(item.dueDate, 1), '00:00', timeZone);

const isDate = (value: string) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value);

/**
 * Why the terms cannot be signed: amounts in whole positive cents whose instalments add up, due
 * dates on or after the signature, parties of the mediation, ids unique. Empty when they can.
 */
export function termErrors(
  terms: readonly Term[],
  parties: readonly string[],
  signedOn: LocalDate,
): FieldError[] {
  const errors: FieldError[] = [];
  const at = (index: number, field: string, message: string) =>
    errors.push({ field: `/body/terms/${index}${field}`, message });
  if (terms.length === 0)
    errors.push({ field: '/body/terms', message: 'an agreement has at least one term' });
  const ids = new Set<string>();
  terms.forEach((term, index) => {
    if (ids.has(term.termId)) at(index, '/termId', 'duplicate term id');
    ids.add(term.termId);
    if (!parties.includes(term.by)) at(index, '/by', 'not a party of the mediation');
    if ('to' in term && !parties.includes(term.to)) at(index, '/to', 'not a party of the mediation');
    if (term.kind === 'compensation') {
      if (!Number.isInteger(term.amountCents) || term.amountCents <= 0)
        at(index, '/amountCents', 'a positive whole number of cents');
      if (term.instalments.length === 0) at(index, '/instalments', 'at least one instalment');
      const total = term.instalments.reduce((sum, instalment) => sum + instalment.amountCents, 0);
      if (total !== term.amountCents) at(index, '/instalments', 'instalments must add up to the amount');
      term.instalments.forEach((instalment, n) => {
        if (!Number.isInteger(instalment.amountCents) || instalment.amountCents <= 0)
          at(index, `/instalments/${n}/amountCents`, 'a positive whole number of cents');
        if (!isDate(instalment.dueDate) || instalment.dueDate < signedOn)
          at(index, `/instalments/${n}/dueDate`, 'a date on or after the signature');
      });
    } else if (!isDate(term.dueDate) || term.dueDate < signedOn)
      at(index, '/dueDate', 'a date on or after the signature');
  });
  return errors;
}
