import { describe, expect, it } from 'vitest';
import { callErrors, emptyCall, isoDate, toCallBody } from './call-body.ts';

describe('the call form’s request body', () => {
  it('sends only what was said: no empty strings, no empty groups', () => {
    const values = emptyCall();
    values.personal.identity = { lastName: ' Martin ', firstName: 'Léa' };
    values.profile.residence = { countryCode: 'FR', postcode: '75011', communeCode: '75111' };
    expect(toCallBody(values)).toEqual({
      caller: 'victim',
      outcome: 'orientation',
      anonymous: false,
      profile: {
        ...emptyCall().profile,
        residence: { countryCode: 'FR', postcode: '75011', communeCode: '75111' },
      },
      personal: { identity: { lastName: 'Martin', firstName: 'Léa' } },
    });
  });

  it('an anonymous call carries no identity, birth date or own contact, even if typed before', () => {
    const values = emptyCall();
    values.anonymous = true;
    values.personal.identity = { lastName: 'Martin', firstName: 'Léa' };
    values.personal.birthDate = '1990-01-02';
    values.personal.contact.phone = '0601020304';
    values.profile.safeContact.safeNumber = true;
    values.personal.contact.safeNumber = '0102030405';
    expect(toCallBody(values).personal).toEqual({ contact: { safeNumber: '0102030405' } });
  });

  it('sends the relative only when a relative calls, and safe details only when their box is ticked', () => {
    const values = emptyCall();
    values.personal.caller = { relationship: 'mère', name: '', phone: '' };
    values.personal.contact.safeHours = 'après 18 h';
    expect(toCallBody(values).personal).toBeUndefined();
    values.caller = 'relative';
    values.profile.safeContact.safeHours = true;
    expect(toCallBody(values).personal).toEqual({
      caller: { relationship: 'mère' },
      contact: { safeHours: 'après 18 h' },
    });
  });

  it('asks which couple for a couple’s violence, and sends no link left unsaid', () => {
    const values = emptyCall();
    expect(callErrors(values)).toEqual({ 'profile.authorLink': 'call.situation.authorLinkRequired' });
    values.profile.authorLink = 'family';
    expect(callErrors(values)).toEqual({ 'profile.authorLink': 'call.situation.authorLinkRequired' });
    values.profile.authorLink = 'former-partner';
    expect(callErrors(values)).toEqual({});
    expect(toCallBody(values).profile.authorLink).toBe('former-partner');

    values.profile.offenceCategory = 'burglary';
    values.profile.authorLink = '' as never;
    expect(callErrors(values)).toEqual({});
    expect(toCallBody(values).profile).not.toHaveProperty('authorLink');
  });

  it('reads a birth date as typed, day first, and refuses a date that does not exist', () => {
    for (const typed of ['14031987', '14/03/1987', '14-03-1987', '14.03.1987', '1987-03-14'])
      expect(isoDate(typed), typed).toBe('1987-03-14');
    expect(isoDate('31/02/1987')).toBeUndefined();
    expect(isoDate('1403')).toBeUndefined();
    const values = emptyCall();
    values.personal.birthDate = '02/01/1990';
    expect(toCallBody(values).personal?.birthDate).toBe('1990-01-02');
  });
});
