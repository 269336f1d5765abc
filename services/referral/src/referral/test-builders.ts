import { randomUUID } from 'node:crypto';
import { type IntakeReadyForOrientation, IntakeReadyForOrientationV2 } from '@parcours/contracts';

type Data = IntakeReadyForOrientation['data'];

/** An IntakeReadyForOrientation as the intake service publishes it (Paris 11e helpline call); override what matters. */
export function readyForOrientation(overrides: Partial<Data> = {}): IntakeReadyForOrientation {
  const data: Data = {
    caseId: randomUUID(),
    intakeId: randomUUID(),
    channel: 'helpline',
    residence: { countryCode: 'FR', postcode: '75011', communeCode: '75111' },
    offenceCategory: 'couple-violence',
    needs: ['legal-information'],
    urgency: 'high',
    consent: { services: true, sharing: true },
    safeContact: { safeNumber: true, safeHours: false, noVoicemail: true, throughThirdParty: false },
    personal: {
      enc: 'aes-256-gcm/v1',
      subject: 'victim-1',
      iv: 'AAECAwQFBgcICQoL',
      tag: 'AAECAwQFBgcICQoLDA0ODw==',
      ct: 'c2VjcmV0',
    },
    ...overrides,
  };
  return IntakeReadyForOrientationV2.create({
    id: randomUUID(),
    subject: data.caseId,
    time: new Date(),
    data,
  });
}
