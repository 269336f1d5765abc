import type { EncryptedEnvelope } from '@parcours/eventstore';
import type { CommandMetadata } from '@parcours/service-kit';
import type { Office, PartnerAgreement, RecordingData } from './decide.ts';
import type { IntakeEvent, IntakeProfile, IntakeRecorded } from './intake.ts';

/** Builders for the decider specs: one complete intake, varied by overrides. */
export const now = new Date('2025-06-02T09:30:00.000Z');
export const at = now.toISOString();

export const listener: CommandMetadata = { now, actor: { id: 'listener-1', roles: ['helpline'] } };
export const caseworker75: CommandMetadata = {
  now,
  actor: { id: 'cw-75', roles: ['caseworker'], association: 'asso-75', office: 'office-75-bav' },
};

export const envelope: EncryptedEnvelope = {
  enc: 'aes-256-gcm/v1',
  subject: 'victim-1',
  iv: 'AAECAwQFBgcICQoL',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
  ct: 'c2VjcmV0',
};

export const profile = (overrides: Partial<IntakeProfile> = {}): IntakeProfile => ({
  residence: { countryCode: 'FR', postcode: '75011', communeCode: '75111' },
  ageBand: '30-44',
  offenceCategory: 'couple-violence',
  authorLink: 'partner',
  needs: ['legal-information', 'psychological-support'],
  vulnerabilities: ['lives-with-author'],
  urgency: 'high',
  safeContact: { safeNumber: true, safeHours: true, noVoicemail: true, throughThirdParty: false },
  consent: { services: true, sharing: true },
  ...overrides,
});

export const recording = (overrides: Partial<RecordingData> = {}): RecordingData => ({
  intakeId: 'intake-1',
  caseId: 'case-1',
  victimId: 'victim-1',
  profile: profile(),
  personal: envelope,
  hasIdentity: true,
  matchKey: 'mk-1',
  ...overrides,
});

export const offices: Record<string, Office> = {
  'office-75-bav': {
    officeId: 'office-75-bav',
    type: 'court-victim-office',
    associationId: 'asso-75',
    name: 'BAV Paris',
  },
  'office-75-hosp': {
    officeId: 'office-75-hosp',
    type: 'hospital',
    associationId: 'asso-75',
    name: 'Hôpital',
  },
};

export const agreements: Record<string, PartnerAgreement> = {
  'agr-bank': {
    agreementId: 'agr-bank',
    partnerId: 'partner-bank',
    partnerName: 'Banque',
    validFrom: '2024-01-01',
  },
  'agr-old': {
    agreementId: 'agr-old',
    partnerId: 'partner-old',
    partnerName: 'Old',
    validFrom: '2020-01-01',
    validUntil: '2023-12-31',
  },
};

export const helplineRecorded = (
  outcome: 'information-given' | 'orientation' | 'callback-needed' = 'callback-needed',
  overrides: Partial<RecordingData> = {},
): IntakeRecorded => {
  const data = recording(overrides);
  return {
    type: 'IntakeRecorded',
    data: {
      intakeId: data.intakeId,
      caseId: data.caseId,
      victimId: data.victimId,
      details: { channel: 'helpline', caller: 'victim', outcome, anonymous: false },
      profile: data.profile,
      personal: data.personal,
      matchKey: data.matchKey,
      recordedBy: 'listener-1',
      recordedAt: at,
    },
  };
};

export const readyEvent = (intakeId = 'intake-1', caseId = 'case-1'): IntakeEvent => ({
  type: 'IntakeReadyForOrientation',
  data: { intakeId, caseId, at },
});

/** A complete helpline call body; override what the test is about. */
export const helplineCall = (overrides: Record<string, unknown> = {}) => ({
  caller: 'victim',
  outcome: 'orientation',
  anonymous: false,
  // The request's profile: the builders' one, the age band being computed by the service.
  profile: (({ ageBand: _ageBand, ...rest }) => rest)(profile()),

  personal: {
    identity: { lastName: 'Lefèvre', firstName: 'Élodie' },
    birthDate: '1990-04-12',
    contact: { phone: '+33 6 12 34 56 78', safeNumber: '+33 1 98 76 54 32', safeHours: 'weekdays 9-12' },
    address: { lines: ['12 rue de la Roquette'], city: 'Paris' },
    narrative: 'Threatened by her partner last night.',
  },
  ...overrides,
});

/** A complete walk-in body at an office of the directory. */
export const walkInBody = (officeId = 'office-75-bav', officeType = 'court-victim-office') => ({
  ...helplineCall(),
  caller: undefined,
  outcome: undefined,
  anonymous: undefined,
  officeId,
  officeType,
});
