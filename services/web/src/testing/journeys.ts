import type { Page } from 'playwright-core';

export interface TypedCall {
  lastName: string;
  firstName: string;
  birthDate: string;
  postcode: string;
  /** How many steps up from "Normale" on the urgency control (arrow keys). */
  urgencyUp?: number;
  phone?: string;
}

/**
 * A helpline call as a listener types it, with the keyboard only (no click): the form opens on
 * the name; Tab moves on; the commune is picked with the arrows; boxes are ticked with Space.
 */
export async function typeCall(page: Page, call: TypedCall) {
  const lastName = page.getByLabel('Nom', { exact: true });
  await lastName.waitFor();
  await page.keyboard.type(call.lastName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(call.firstName);
  await page.keyboard.press('Tab');
  const [year, month, day] = call.birthDate.split('-');
  await page.keyboard.type(`${day}${month}${year}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(call.postcode);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  if (call.phone) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(call.phone);
  }
  await page.getByRole('radio', { name: 'Normale' }).focus();
  for (let i = 0; i < (call.urgencyUp ?? 0); i++) await page.keyboard.press('ArrowRight');
  for (const consent of [
    'La victime accepte d’être accompagnée par une association',
    'La victime accepte le partage avec un autre organisme',
  ]) {
    await page.getByLabel(consent).focus();
    await page.keyboard.press('Space');
  }
}

/** A helpline call's request body, for journeys that start from a call already recorded. */
export const callBody = (
  overrides: {
    lastName?: string;
    urgency?: string;
    postcode?: string;
    communeCode?: string;
    outcome?: string;
  } = {},
) => ({
  caller: 'victim',
  outcome: overrides.outcome ?? 'orientation',
  anonymous: false,
  profile: {
    residence: {
      countryCode: 'FR',
      postcode: overrides.postcode ?? '75017',
      communeCode: overrides.communeCode ?? '75117',
    },
    offenceCategory: 'couple-violence',
    needs: ['legal-information'],
    vulnerabilities: [],
    urgency: overrides.urgency ?? 'normal',
    safeContact: { safeNumber: false, safeHours: false, noVoicemail: true, throughThirdParty: false },
    consent: { services: true, sharing: true },
  },
  personal: {
    identity: { lastName: overrides.lastName ?? 'Petit', firstName: 'Alix' },
    birthDate: '1985-05-05',
  },
});

export interface Recorded {
  intakeId: string;
  caseId: string;
  status: string;
}
