import { DirectoryOfficeV1, type IntegrationEvent, type OfficeType } from '@parcours/contracts';
import type { Geography } from '@parcours/geography';
import { type Journey, journeyEvents } from './journey.ts';

/**
 * A year of realistic network activity as integration events, for demos and the bench: ≈130
 * associations (one per département, a second in the largest), ≈850 welcome offices in their
 * départements' communes, and the victims' journeys through intake, referral, follow-up and
 * mediation with the network's proportions. Seeded: the same options give the same events.
 */
export interface DemoOptions {
  victims: number;
  /** The calendar year of the activity (a sixth of the victims began the year before). */
  year: number;
  seed?: number;
  associations?: number;
  offices?: number;
}

export interface DemoOffice {
  officeId: string;
  associationId: string;
  type: OfficeType;
  communeCode: string;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const weighted = <T>(rand: () => number, choices: readonly (readonly [T, number])[]): T => {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = rand() * total;
  for (const [value, weight] of choices) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return choices.at(-1)![0];
};

const officeTypes = [
  ['court-victim-office', 3],
  ['police-station', 3],
  ['gendarmerie', 2],
  ['hospital', 1],
  ['city-hall', 2],
  ['legal-advice-centre', 2],
] as const;
const offences = [
  ['physical-violence', 22],
  ['couple-violence', 20],
  ['sexual-violence', 8],
  ['intra-family-violence', 8],
  ['robbery-theft', 10],
  ['burglary', 7],
  ['fraud-scam', 8],
  ['road-accident', 5],
  ['harassment', 5],
  ['discrimination', 2],
  ['relative-homicide', 1],
  ['terrorism', 0.2],
  ['other', 4],
] as const;
/** Of the couples' violence, the share by a former partner (the rest by a current one). */
const FORMER_PARTNER_SHARE = 0.35;
const channels = [
  ['helpline', 35],
  ['walk-in', 40],
  ['requisition', 15],
  ['partner', 5],
  ['mass-event', 5],
] as const;
const kinds = [
  ['legal-information', 35],
  ['psychological-support', 20],
  ['social-support', 15],
  ['hearing-accompaniment', 8],
  ['civil-party-claim', 6],
  ['compensation-file', 6],
  ['orientation', 7],
  ['other', 3],
] as const;

export function demoNetwork(geography: Geography, options: DemoOptions): DemoOffice[] {
  const rand = random(options.seed ?? 2026);
  const departements = [...geography.departements.values()]
    .filter((d) => geography.communesOf(d.code).length > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
  const associationCount = options.associations ?? 130;
  const associations = Array.from({ length: associationCount }, (_, i) => {
    const departement = departements[i % departements.length]!;
    return {
      associationId: `asso-${departement.code}-${Math.floor(i / departements.length) + 1}`,
      departement: departement.code,
    };
  });
  return Array.from({ length: options.offices ?? 850 }, (_, i) => {
    const association = associations[i % associations.length]!;
    const communes = geography.communesOf(association.departement);
    // Larger communes first: offices sit mostly in the biggest towns.
    const commune = communes[Math.floor(rand() ** 3 * Math.min(communes.length, 40))]!;
    return {
      officeId: `office-${association.associationId.slice(5)}-${Math.floor(i / associations.length) + 1}`,
      associationId: association.associationId,
      type: i < associations.length ? 'court-victim-office' : weighted(rand, officeTypes),
      communeCode: commune.code,
    };
  });
}

export function officeEvents(offices: readonly DemoOffice[], year: number): IntegrationEvent[] {
  const at = new Date(`${year - 1}-01-01T00:00:00.000Z`);
  return offices.map((office) =>
    DirectoryOfficeV1.create({
      id: `demo-dir-${office.officeId}`,
      subject: office.officeId,
      time: at,
      data: { ...office, name: office.officeId, active: true, at: at.toISOString() },
    }),
  );
}

/** The journeys of victims `from` to `to` (exclusive): generated in slices, so memory stays flat. */
export function* demoJourneys(
  offices: readonly DemoOffice[],
  options: DemoOptions,
  from: number,
  to: number,
) {
  const yearStart = Date.UTC(options.year, 0, 1);
  const DAY = 86_400_000;
  const byAssociation = new Map<string, DemoOffice[]>();
  for (const office of offices)
    byAssociation.set(office.associationId, [...(byAssociation.get(office.associationId) ?? []), office]);
  for (let i = from; i < to; i++) {
    const rand = random((options.seed ?? 2026) * 1_000_003 + i);
    const office = offices[Math.floor(rand() * offices.length)]!;
    const continuing = rand() < 1 / 6;
    const start = new Date(yearStart + (continuing ? -rand() * 90 : rand() * 362) * DAY + rand() * DAY);
    const channel = weighted(rand, channels);
    const offenceCategory = weighted(rand, offences);
    const siblings = byAssociation.get(office.associationId)!;
    const origin = channel === 'walk-in' ? siblings[Math.floor(rand() * siblings.length)]! : undefined;
    const actionCount = weighted(rand, [
      [0, 10],
      [1, 35],
      [2, 30],
      [3, 15],
      [4, 6],
      [6, 4],
    ] as const);
    const journey: Journey = {
      caseId: `demo-${options.year}-${i}`,
      start,
      associationId: office.associationId,
      officeId: office.officeId,
      channel,
      ...(origin ? { originOfficeId: origin.officeId } : {}),
      offenceCategory,
      expires: rand() < 0.05,
      unanswered: start.getTime() > yearStart + 360 * DAY && rand() < 0.5,
      acceptAfterHours: Math.round(1 + rand() ** 2 * 70),
      caseworkerId: `staff-${office.officeId.slice(7)}-${Math.floor(rand() * 4) + 1}`,
      actions: Array.from({ length: actionCount }, (_, k) => ({
        day: Math.floor(k * 20 + rand() * 20 + (continuing ? 90 : 0)),
        kind: weighted(rand, kinds),
      })),
      ...(rand() < 0.8 ? { contactAfterHours: Math.round(1 + rand() * 47) } : {}),
      ...(rand() < 0.08 ? { evvi: { late: rand() < 0.2 } } : {}),
      ...(rand() < 0.15 ? { hearingInDays: Math.round(10 + rand() * 190) } : {}),
      // Penal mediation is barred for violence within a couple.
      ...(offenceCategory !== 'couple-violence' && rand() < 0.03
        ? {
            mediation: weighted(rand, [
              ['agreed', 6],
              ['returned', 3],
              ['open', 1],
            ] as const),
          }
        : {}),
      ...(rand() < 0.08 ? { inactiveAfterDays: Math.round(60 + rand() * 60) } : {}),
      ...(rand() < 0.55 ? { closeAfterDays: Math.round(20 + rand() * 180 + (continuing ? 90 : 0)) } : {}),
      // Drawn last, so the draws above stay those of the earlier demo data.
      ...(offenceCategory === 'couple-violence'
        ? { authorLink: rand() < FORMER_PARTNER_SHARE ? 'former-partner' : 'partner' }
        : {}),
    };
    yield journeyEvents(journey, { validate: false });
  }
}
