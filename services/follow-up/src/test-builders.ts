import { DomainError } from '@parcours/service-kit';
import { deciderSpec } from '@parcours/testing';
import { expect } from 'vitest';
import type { CommandMetadata, Place } from './command.ts';
import { fileDecider } from './file/decide.ts';
import type { CaseFacts, FileEvent, FileOpened } from './file/file.ts';

/** Monday 2 June 2025, 11:00 in Paris. */
export const now = new Date('2025-06-02T09:00:00.000Z');
export const at = now.toISOString();
export const later = (hours: number, from = now) => new Date(from.getTime() + hours * 3_600_000);
export const daysLater = (days: number, from = now) => later(days * 24, from);

export const bav: Place = { associationId: 'asso-75', officeId: 'office-75-bav' };
export const commissariat: Place = { associationId: 'asso-75', officeId: 'office-75-commissariat-11' };
export const lyon: Place = { associationId: 'asso-69', officeId: 'office-69-lyon' };

const actor = (id: string, roles: string[], place?: Place) => ({
  id,
  roles,
  ...(place ? { association: place.associationId, office: place.officeId } : {}),
});
export const as = (who: CommandMetadata['actor'], when = now): CommandMetadata => ({ now: when, actor: who });
export const people = {
  caseworker: actor('cw-1', ['caseworker'], bav),
  colleague: actor('cw-2', ['caseworker'], commissariat),
  lyonCaseworker: actor('cw-69', ['caseworker'], lyon),
  manager: actor('om-1', ['office-manager'], bav),
  otherManager: actor('om-2', ['office-manager'], commissariat),
  associationManager: actor('am-1', ['association-manager'], { ...bav, officeId: 'office-75-siege' }),
  mediator: actor('med-1', ['mediator'], bav),
  auditor: actor('aud-1', ['auditor']),
  helpline: actor('hl-1', ['helpline']),
  analyst: actor('fa-1', ['federation-analyst']),
  admin: actor('adm-1', ['admin']),
  system: actor('system:follow-up', ['system']),
};
export const caseworker = as(people.caseworker);
export const manager = as(people.manager);
export const system = as(people.system);

export const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'case-1',
  intakeId: 'intake-1',
  subjectId: 'victim-1',
  channel: 'helpline',
  offenceCategory: 'physical-violence',
  needs: ['legal-information'],
  urgency: 'high',
  vulnerabilities: [],
  consent: { services: true, sharing: true },
  safeContact: { safeNumber: false, safeHours: false, noVoicemail: false, throughThirdParty: false },
  personal: {
    enc: 'aes-256-gcm/v1',
    subject: 'victim-1',
    iv: 'AAECAwQFBgcICQoL',
    tag: 'AAECAwQFBgcICQoLDA0ODw==',
    ct: 'c2VjcmV0',
  },
  ...overrides,
});

export const opened = (overrides: Partial<CaseFacts> = {}, place = bav): FileOpened => ({
  type: 'FileOpened',
  data: {
    fileId: 'file-1',
    place,
    origin: { kind: 'referral', referralId: 'ref-1' },
    facts: facts(overrides),
    timeZone: 'Europe/Paris',
    by: 'system:follow-up',
    at,
  },
});

/** A given event with the stamp filled: `event('FileAssigned', { caseworkerId: … })`. */
export function event<T extends FileEvent['type']>(
  type: T,
  data: Omit<Extract<FileEvent, { type: T }>['data'], 'by' | 'at'>,
  by = 'cw-1',
  when = at,
): Extract<FileEvent, { type: T }> {
  return { type, data: { ...data, by, at: when } } as unknown as Extract<FileEvent, { type: T }>;
}

export const fileSpec = deciderSpec(fileDecider());

/** The decision is refused with this code (and status, when given): what problem+json will carry. */
export function refuses(decision: { events: () => unknown }, code: string, status?: number) {
  let error: unknown;
  try {
    decision.events();
  } catch (caught) {
    error = caught;
  }
  expect(error, `expected a refusal ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (status !== undefined) expect((error as DomainError).status).toBe(status);
}
