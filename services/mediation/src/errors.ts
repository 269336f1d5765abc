import { conflict, DomainError, type FieldError, notFound, unprocessable } from '@parcours/service-kit';

/**
 * Every refusal of the mediation domain, with its stable code. `detail` never quotes a value from
 * the request (it may be personal data); `errors` name the fields and, for a slot, each conflict's code.
 */
export const MediationErrors = {
  notFound: (what: 'mandate' | 'mediator' | 'party' | 'session' | 'room' | 'term' | 'authorisation') =>
    notFound(`${what}_not_found`, `No such ${what}`),
  exists: (what: 'mandate' | 'mediator' | 'party' | 'session' | 'room' | 'authorisation' | 'report') =>
    conflict(`${what}_exists`, `This ${what} already exists with other data`),
  wrongStatus: (status: string, action: string) =>
    conflict('mandate_status', `A mandate that is ${status} cannot be ${action}`),
  sessionStatus: (status: string, action: string) =>
    conflict('session_status', `A ${status} session cannot be ${action}`),
  jointSessionMissing: () =>
    conflict('joint_session_missing', 'An agreement follows a joint session every party attended'),
  invalid: (code: string, detail: string, errors?: FieldError[]) =>
    unprocessable(code, detail, errors ? { errors } : {}),
  /** A slot that breaks scheduling rules: every conflict is listed, on the field it concerns. */
  slotConflicts: (conflicts: readonly { code: string; field?: string }[], resource?: string) =>
    new DomainError('slot_conflict', 409, {
      detail: `The slot conflicts: ${[...new Set(conflicts.map((c) => c.code))].join(', ')}${resource ? ` (${resource} is booked at that time)` : ''}`,
      errors: conflicts.map((c) => ({ field: c.field ? `/body/${c.field}` : '/body', message: c.code })),
    }),
  /** The mediator may not take this mandate (authorisation, court, age): each reason is listed. */
  mediatorIneligible: (codes: readonly string[]) =>
    unprocessable('mediator_ineligible', `The mediator cannot take this mandate: ${codes.join(', ')}`, {
      errors: codes.map((code) => ({ field: '/body/mediatorId', message: code })),
    }),
};
