import type { Page } from 'playwright-core';

export interface TypedCall {
  lastName: string;
  firstName: string;
  birthDate: string;
  postcode: string;
  /** How many steps up from "Normale" on the urgency control (arrow keys). */
  urgencyUp?: number;
  phone?: string;
  /** The link with the author the call form asks for a couple's violence (its default); null leaves it unsaid. */
  authorLink?: 'partner' | 'former-partner' | null;
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
  const link = call.authorLink === undefined ? 'partner' : call.authorLink;
  if (link) await page.getByLabel('Lien avec l’auteur').selectOption(link);
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
    safeContact?: Partial<{
      safeNumber: boolean;
      safeHours: boolean;
      noVoicemail: boolean;
      throughThirdParty: boolean;
    }>;
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
    authorLink: 'partner',
    needs: ['legal-information'],
    vulnerabilities: [],
    urgency: overrides.urgency ?? 'normal',
    safeContact: {
      safeNumber: false,
      safeHours: false,
      noVoicemail: true,
      throughThirdParty: false,
      ...overrides.safeContact,
    },
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

/** Asks again every half second until `read` gives something (the services talk through Kafka). */
export async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the system');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Api {
  api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
}

/** The referral of a case in the caseworker's inbox, once it is there. */
export function receivedReferral(caseworker: Api, caseId: string): Promise<string> {
  return eventually(async () => {
    const { items } = await caseworker.api<{ items: { caseId: string; referralId: string }[] }>(
      'GET',
      '/api/referral/referrals/inbox?box=received&limit=100&offset=0',
    );
    return items.find((item) => item.caseId === caseId)?.referralId;
  });
}

/**
 * A file opened the way the day makes one, through the APIs: the listener records the call, the
 * office's caseworker accepts the proposal, follow-up opens the file. Its id, for a journey that
 * starts on the file.
 */
export async function openedFile(listener: Api, caseworker: Api, call: ReturnType<typeof callBody>) {
  const { caseId } = await listener.api<Recorded>('POST', '/api/intake/intakes/helpline-calls', call);
  const referralId = await receivedReferral(caseworker, caseId);
  await caseworker.api('POST', `/api/referral/referrals/${referralId}/accept`);
  const fileId = await eventually(async () => {
    const { items } = await caseworker.api<{ items: { fileId: string; referralId: string }[] }>(
      'GET',
      `/api/follow-up/files?caseId=${caseId}&limit=50&offset=0`,
    );
    return items.find((item) => item.referralId === referralId)?.fileId;
  });
  return { caseId, referralId, fileId };
}
