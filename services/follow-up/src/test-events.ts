import { randomUUID } from 'node:crypto';
import {
  type EventOf,
  type IntakeReadyForOrientation,
  IntakeReadyForOrientationV2,
  ReferralAcceptedV1,
  ReferralProposedV1,
} from '@parcours/contracts';
import type { SubjectKeys } from '@parcours/eventstore';
import type { Place } from './command.ts';

/** Integration events as intake and referral publish them, for tests that feed the consumer directly. */
export const bav: Place = { associationId: 'asso-75', officeId: 'office-75-bav' };
export const commissariat: Place = { associationId: 'asso-75', officeId: 'office-75-commissariat-11' };
export const lyon: Place = { associationId: 'asso-69', officeId: 'office-69-lyon' };

export const personalData = { firstName: 'Amina', lastName: 'Testcase', phone: '+33600000000' };

export async function intakeReady(
  keys: SubjectKeys,
  overrides: Partial<IntakeReadyForOrientation['data']> = {},
): Promise<IntakeReadyForOrientation> {
  const caseId = overrides.caseId ?? randomUUID();
  const subject = randomUUID();
  return IntakeReadyForOrientationV2.create({
    id: randomUUID(),
    subject: caseId,
    time: new Date(),
    data: {
      caseId,
      intakeId: randomUUID(),
      channel: 'helpline',
      residence: { postcode: '75011', communeCode: '75111', countryCode: 'FR' },
      offenceCategory: 'physical-violence',
      needs: ['legal-information', 'psychological-support'],
      urgency: 'high',
      consent: { services: true, sharing: true },
      safeContact: { safeNumber: true, safeHours: false, noVoicemail: true, throughThirdParty: false },
      personal: await keys.encrypt(subject, personalData),
      ...overrides,
    },
  });
}

export function referralProposed(
  caseId: string,
  target: Place,
  options: { referralId?: string; from?: Place; mode?: 'transfer' | 'referral' } = {},
) {
  return ReferralProposedV1.create({
    id: randomUUID(),
    subject: caseId,
    time: new Date(),
    data: {
      referralId: options.referralId ?? randomUUID(),
      caseId,
      intakeId: randomUUID(),
      mode: options.mode ?? 'transfer',
      from: options.from ? { kind: 'office', ...options.from } : { kind: 'national-platform' },
      target: { kind: 'office', ...target },
      urgency: 'high',
      offenceCategory: 'physical-violence',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      reasons: [],
      at: new Date().toISOString(),
    },
  });
}

export function referralAccepted(
  proposed: EventOf<typeof ReferralProposedV1>,
  by = 'dev-caseworker',
): EventOf<typeof ReferralAcceptedV1> {
  const { referralId, caseId, target, mode } = proposed.data;
  return ReferralAcceptedV1.create({
    id: randomUUID(),
    subject: caseId,
    time: new Date(),
    data: { referralId, caseId, target, mode, by, at: new Date().toISOString() },
  });
}
