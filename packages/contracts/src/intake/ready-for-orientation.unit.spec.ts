import { describe, expect, it } from 'vitest';
import {
  IntakeReadyForOrientationV2 as IntakeReadyForOrientation,
  IntakeReadyForOrientationV1,
  isIntakeReadyForOrientation,
} from './ready-for-orientation.ts';

const validData = () => ({
  caseId: 'case-7f3a',
  intakeId: 'intake-19c2',
  channel: 'helpline',
  residence: { postcode: '69003', communeCode: '69383', countryCode: 'FR' },
  offenceCategory: 'couple-violence',
  needs: ['legal-information', 'psychological-support'],
  urgency: 'high',
  consent: { services: true, sharing: false },
  safeContact: { safeNumber: true, safeHours: true, noVoicemail: true, throughThirdParty: false },
  personal: {
    enc: 'aes-256-gcm/v1',
    subject: 'victim-42',
    iv: 'AAECAwQFBgcICQoL',
    tag: 'AAECAwQFBgcICQoLDA0ODw==',
    ct: 'c2VjcmV0IGluIGNsZWFy',
  },
});

const pathsOf = (data: unknown) => IntakeReadyForOrientation.validate(data).map((error) => error.path);

describe('IntakeReadyForOrientation contract (v2)', () => {
  it('accepts complete data, with and without the optional fields', () => {
    expect(IntakeReadyForOrientation.validate(validData())).toEqual([]);
    const { communeCode: _, ...residence } = validData().residence;
    const overridden = {
      ...validData(),
      residence,
      consent: { services: false, sharing: false, override: { reason: 'Minor in danger', by: 'staff-3' } },
      needs: [],
    };
    expect(IntakeReadyForOrientation.validate(overridden)).toEqual([]);
  });

  it("carries the victim's link with the author: a couple, current or former, apart", () => {
    for (const authorLink of ['partner', 'former-partner', 'family', 'unknown']) {
      expect(IntakeReadyForOrientation.validate({ ...validData(), authorLink })).toEqual([]);
    }
  });

  it('accepts each value of the 13-category offence taxonomy', () => {
    const categories = IntakeReadyForOrientation.schema.properties.offenceCategory.anyOf.map((l) => l.const);
    expect(categories).toHaveLength(13);
    for (const offenceCategory of categories) {
      expect(IntakeReadyForOrientation.validate({ ...validData(), offenceCategory })).toEqual([]);
    }
  });

  it.each([
    ['channel', { channel: 'email' }, '/channel'],
    ['offence category', { offenceCategory: 'murder' }, '/offenceCategory'],
    ['urgency', { urgency: 'asap' }, '/urgency'],
    ['a need', { needs: ['legal-information', 'money'] }, '/needs/1'],
    [
      'residence country',
      { residence: { postcode: '69003', countryCode: 'France' } },
      '/residence/countryCode',
    ],
    ['residence postcode', { residence: { postcode: '75011!', countryCode: 'FR' } }, '/residence/postcode'],
    ['consent sharing', { consent: { services: true, sharing: 'yes' } }, '/consent/sharing'],
    [
      'consent override by',
      { consent: { services: true, sharing: true, override: { reason: 'x' } } },
      '/consent/override/by',
    ],
    [
      'safe contact flag',
      { safeContact: { safeNumber: true, safeHours: true, noVoicemail: true } },
      '/safeContact/throughThirdParty',
    ],
    ['envelope algorithm', { personal: { ...validData().personal, enc: 'aes-128-cbc' } }, '/personal/enc'],
    ['envelope ciphertext', { personal: { ...validData().personal, ct: 'not base64!' } }, '/personal/ct'],
    ['case id', { caseId: '' }, '/caseId'],
    ["author's link", { authorLink: 'ex-husband' }, '/authorLink'],
  ])('names the bad field: %s', (_, patch, path) => {
    const errors = IntakeReadyForOrientation.validate({ ...validData(), ...patch });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((error) => error.path)).toContain(path);
    for (const error of errors) expect(error.message).toEqual(expect.any(String));
  });

  it('names a missing field', () => {
    const { intakeId: _, ...data } = validData();
    expect(pathsOf(data)).toContain('/intakeId');
  });

  it('refuses undeclared fields, nested ones too, naming them (no personal data in clear)', () => {
    expect(pathsOf({ ...validData(), victimName: 'Jeanne Dupont' })).toEqual(['/victimName']);
    const nested = { ...validData(), residence: { ...validData().residence, street: '3 rue X' } };
    expect(pathsOf(nested)).toEqual(['/residence/street']);
  });

  it('coerces nothing: a consent of null, "true" or 1 is refused', () => {
    for (const sharing of [null, 'true', 1]) {
      expect(pathsOf({ ...validData(), consent: { services: true, sharing } })).toEqual(['/consent/sharing']);
    }
  });

  it('create() stamps type and source and formats the time', () => {
    const event = IntakeReadyForOrientation.create({
      id: '0b9e3c1e-6a51-4c43-9d0c-3f0f0e2f9d11',
      subject: 'case-7f3a',
      time: new Date('2025-03-04T10:11:12.000Z'),
      data: validData() as never,
    });
    expect(event).toMatchObject({
      type: 'fr.parcours.intake.ready-for-orientation.v2',
      source: '/parcours/intake',
      subject: 'case-7f3a',
      time: '2025-03-04T10:11:12.000Z',
    });
  });
});

describe('IntakeReadyForOrientation v1, still read', () => {
  it('accepts what it was published with and refuses the link v2 added', () => {
    expect(IntakeReadyForOrientationV1.validate(validData())).toEqual([]);
    expect(
      IntakeReadyForOrientationV1.validate({ ...validData(), authorLink: 'partner' }).map((e) => e.path),
    ).toEqual(['/authorLink']);
  });

  it('is one of the versions consumers recognise, beside v2', () => {
    const event = (type: string) => ({
      id: 'e',
      type,
      source: '/parcours/intake',
      subject: 'c',
      time: '',
      data: {},
    });
    expect(isIntakeReadyForOrientation(event(IntakeReadyForOrientationV1.type))).toBe(true);
    expect(isIntakeReadyForOrientation(event(IntakeReadyForOrientation.type))).toBe(true);
    expect(isIntakeReadyForOrientation(event('fr.parcours.intake.ready-for-orientation.v3'))).toBe(false);
  });
});
