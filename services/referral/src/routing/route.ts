// Over 300 lines: the routing rules read in their order in one file, each with its reason.
import type { IntakeReadyForOrientationData } from '@parcours/contracts';
import type { Commune, Geography } from '@parcours/geography';
import type { Static } from '@sinclair/typebox';
import type { Office, OfficeType, Speciality } from '../directory/directory.ts';
import type { DirectoryIndex } from '../directory/index.ts';
import { type Reason, reason } from './reasons.ts';

export type IntakeFacts = Pick<
  Static<typeof IntakeReadyForOrientationData>,
  | 'residence'
  | 'offenceCategory'
  | 'needs'
  | 'urgency'
  | 'consent'
  | 'origin'
  | 'requisition'
  | 'vulnerabilities'
  | 'channel'
>;

export type RoutingDecision =
  | { kind: 'office'; associationId: string; officeId: string; communeCode?: string; reasons: Reason[] }
  | {
      kind: 'partner-association';
      associationId: string;
      officeId: string;
      agreementId: string;
      reasons: Reason[];
    }
  | { kind: 'foreign-organisation'; organisationId: string; countryCode: string; reasons: Reason[] }
  | { kind: 'national-queue'; why: 'no-coverage' | 'consent-missing'; reasons: Reason[] }
  | { kind: 'ask-commune'; candidates: string[]; reasons: Reason[] };

/**
 * Where a case goes, and why. Pure: the directory and the geography come in as values, `today` as
 * a date (agreements' validity). Order of the rules: a walk-in stays at its office when that
 * office's association covers the residence (else it is routed like any other case); a partner
 * agreement names its association; a resident abroad goes to their country's organisation; then the
 * residence: commune (asked back when the postcode is shared and no commune code says which), the
 * association covering the commune (commune coverage before département coverage), the office
 * nearest (same commune, city, intercommunality, arrondissement, département) that fits the offence.
 * Last, the consent gate: a hand-over to another organisation without sharing consent or an
 * override goes to the national queue for a human.
 */
export function route(
  intake: IntakeFacts,
  directory: DirectoryIndex,
  geography: Geography,
  today: string,
): RoutingDecision {
  return consentGate(intake, routeWithoutConsent(intake, directory, geography, today));
}

function routeWithoutConsent(
  intake: IntakeFacts,
  directory: DirectoryIndex,
  geography: Geography,
  today: string,
): RoutingDecision {
  const reasons: Reason[] = [];
  const origin = intake.origin ?? {};

  const residence = intake.residence;
  const resolved = residence.countryCode === 'FR' ? geography.resolve(residence) : undefined;
  const commune = resolved?.kind === 'commune' ? resolved.commune : undefined;

  if (origin.officeId) {
    const office = directory.offices.get(origin.officeId);
    if (!office?.active) {
      reasons.push(reason('walk-in-office-inactive', { officeId: origin.officeId }));
    } else if (commune && covers(directory, office.associationId, commune)) {
      // The victim is at an office of the association that would be chosen for them: kept there.
      reasons.push(reason('walk-in-kept', { officeId: office.officeId }));
      return { kind: 'office', associationId: office.associationId, officeId: office.officeId, reasons };
    } else {
      reasons.push(reason('walk-in-outside-coverage', { officeId: office.officeId }));
    }
  }

  if (origin.agreementId) {
    const agreement = directory.agreements.get(origin.agreementId);
    const valid =
      agreement?.active &&
      agreement.validFrom <= today &&
      (!agreement.validUntil || today <= agreement.validUntil);
    const association = agreement && directory.associations.get(agreement.associationId);
    if (agreement && valid && association?.active) {
      reasons.push(
        reason('agreement-names-association', {
          agreementId: agreement.agreementId,
          associationId: association.associationId,
        }),
      );
      const office = chooseOffice(
        directory.officesOf(association.associationId),
        commune,
        geography,
        intake,
        reasons,
      );
      if (office) {
        return {
          kind: 'partner-association',
          associationId: association.associationId,
          officeId: office.officeId,
          agreementId: agreement.agreementId,
          reasons,
        };
      }
      reasons.push(
        reason('agreement-association-without-office', { associationId: association.associationId }),
      );
    } else {
      reasons.push(reason('agreement-not-valid', { agreementId: origin.agreementId }));
    }
  }

  if (residence.countryCode !== 'FR') {
    const organisation = directory.foreignFor(residence.countryCode)[0];
    if (organisation) {
      reasons.push(
        reason('resident-abroad', {
          countryCode: residence.countryCode,
          organisationId: organisation.organisationId,
        }),
      );
      return {
        kind: 'foreign-organisation',
        organisationId: organisation.organisationId,
        countryCode: residence.countryCode,
        reasons,
      };
    }
    reasons.push(reason('no-foreign-organisation', { countryCode: residence.countryCode }));
    return { kind: 'national-queue', why: 'no-coverage', reasons };
  }

  if (!resolved || resolved.kind === 'unknown') {
    reasons.push(reason('residence-not-found', { detail: resolved?.reason ?? 'no residence' }));
    return { kind: 'national-queue', why: 'no-coverage', reasons };
  }
  if (resolved.kind === 'ambiguous') {
    reasons.push(reason('commune-ambiguous', { detail: resolved.reason }));
    return { kind: 'ask-commune', candidates: resolved.candidates.map((c) => c.code), reasons };
  }
  const found = resolved.commune;
  reasons.push(
    reason('residence-commune', {
      communeCode: found.code,
      communeName: found.name,
      departement: found.departement,
    }),
  );

  let associations = directory.coveringCommune(found.code);
  if (associations.length === 0 && found.parent) associations = directory.coveringCommune(found.parent);
  if (associations.length > 0) {
    reasons.push(reason('commune-covered', { associationIds: ids(associations) }));
  } else {
    associations = directory.coveringDepartement(found.departement);
    if (associations.length === 0) {
      reasons.push(reason('no-coverage', { communeCode: found.code, departement: found.departement }));
      return { kind: 'national-queue', why: 'no-coverage', reasons };
    }
    reasons.push(
      reason('departement-covered', { departement: found.departement, associationIds: ids(associations) }),
    );
  }
  for (const association of [...associations].sort((a, b) =>
    a.associationId.localeCompare(b.associationId),
  )) {
    const office = chooseOffice(
      directory.officesOf(association.associationId),
      found,
      geography,
      intake,
      reasons,
    );
    if (office) {
      return {
        kind: 'office',
        associationId: association.associationId,
        officeId: office.officeId,
        communeCode: found.code,
        reasons,
      };
    }
    reasons.push(reason('association-without-office', { associationId: association.associationId }));
  }
  reasons.push(reason('no-open-office'));
  return { kind: 'national-queue', why: 'no-coverage', reasons };
}

/** Whether the association covers the commune: the commune, its city (a municipal arrondissement's), or its département. */
function covers(directory: DirectoryIndex, associationId: string, commune: Commune): boolean {
  const covering = [
    ...directory.coveringCommune(commune.code),
    ...(commune.parent ? directory.coveringCommune(commune.parent) : []),
    ...directory.coveringDepartement(commune.departement),
  ];
  return covering.some((a) => a.associationId === associationId);
}

const proximityLabels = [
  'same-commune',
  'same-city',
  'same-intercommunality',
  'same-arrondissement',
  'same-département',
  'elsewhere',
];

function proximity(office: Commune | undefined, residence: Commune | undefined): number {
  if (!office || !residence) return 5;
  if (office.code === residence.code) return 0;
  if (office.parent && office.parent === (residence.parent ?? residence.code)) return 1;
  if (office.epci && office.epci === residence.epci) return 2;
  if (office.arrondissement && office.arrondissement === residence.arrondissement) return 3;
  if (office.departement === residence.departement) return 4;
  return 5;
}

/** How well an office fits the case: a bonus in proximity tiers (a fitting office a little further wins). */
function fit(office: Office, intake: IntakeFacts): { bonus: number; why: string[] } {
  const why: string[] = [];
  let bonus = 0;
  const typeBonus = (type: OfficeType, amount: number, reason: string) => {
    if (office.type === type) {
      bonus += amount;
      why.push(reason);
    }
  };
  if (intake.requisition || intake.channel === 'requisition') {
    // A prosecutor's requisition is answered by the court victim office of the département.
    typeBonus('court-victim-office', 4.5, 'court-victim-office-for-requisition');
  }
  if (intake.offenceCategory === 'physical-violence' || intake.offenceCategory === 'sexual-violence') {
    typeBonus('hospital', 1.5, 'hospital-for-violence');
  }
  const wanted = new Set<Speciality>();
  const offence = intake.offenceCategory;
  if (offence === 'couple-violence' || offence === 'intra-family-violence') wanted.add('couple-violence');
  if (offence === 'sexual-violence') wanted.add('sexual-violence');
  if (offence === 'road-accident') wanted.add('road-accident');
  if (offence === 'terrorism') wanted.add('terrorism');
  if (offence === 'fraud-scam') wanted.add('fraud-scam');
  if (intake.requisition?.evviRequested) wanted.add('evvi');
  if (intake.vulnerabilities?.includes('minor')) wanted.add('minors');
  if (intake.vulnerabilities?.includes('elderly')) wanted.add('elderly');
  if (intake.needs.includes('psychological-support')) wanted.add('psychological-support');
  for (const speciality of office.specialities) {
    if (wanted.has(speciality)) {
      bonus += 0.5;
      why.push(`speciality-${speciality}`);
    }
  }
  return { bonus: Math.min(bonus, 5), why };
}

function chooseOffice(
  offices: readonly Office[],
  residence: Commune | undefined,
  geography: Geography,
  intake: IntakeFacts,
  reasons: Reason[],
): Office | undefined {
  let best: { office: Office; score: number; tier: number; why: string[] } | undefined;
  for (const office of offices) {
    if (!office.active) continue;
    const tier = proximity(geography.commune(office.address.communeCode), residence);
    const { bonus, why } = fit(office, intake);
    const score = tier - bonus;
    if (!best || score < best.score || (score === best.score && office.officeId < best.office.officeId)) {
      best = { office, score, tier, why };
    }
  }
  if (!best) return undefined;
  reasons.push(
    reason('office-chosen', {
      officeId: best.office.officeId,
      officeType: best.office.type,
      proximity: proximityLabels[best.tier] ?? 'elsewhere',
      ...(best.why.length ? { fit: best.why.join(',') } : {}),
    }),
  );
  return best.office;
}

/** Whether handing the case to this target needs the victim's consent to sharing. */
export function needsSharingConsent(
  target: { kind: 'office' | 'partner-association' | 'foreign-organisation'; associationId?: string },
  origin: { associationId?: string } | undefined,
): boolean {
  if (target.kind !== 'office') return true;
  // A helpline intake belongs to the network's national platform: handing it to a member
  // association is the service the victim consented to. An association's own intake handed to
  // another association is a hand-over to another organisation.
  return !!origin?.associationId && origin.associationId !== target.associationId;
}

export function hasSharingConsent(consent: IntakeFacts['consent']): boolean {
  return consent.sharing || !!consent.override;
}

function consentGate(intake: IntakeFacts, decision: RoutingDecision): RoutingDecision {
  if (decision.kind === 'national-queue' || decision.kind === 'ask-commune') return decision;
  if (!needsSharingConsent(decision, intake.origin)) return decision;
  if (intake.consent.sharing) {
    return { ...decision, reasons: [...decision.reasons, reason('sharing-consent-given')] };
  }
  if (intake.consent.override) {
    return {
      ...decision,
      reasons: [...decision.reasons, reason('consent-override', { by: intake.consent.override.by })],
    };
  }
  return {
    kind: 'national-queue',
    why: 'consent-missing',
    reasons: [...decision.reasons, reason('consent-missing', { to: describe(decision) })],
  };
}

function describe(decision: Exclude<RoutingDecision, { kind: 'national-queue' | 'ask-commune' }>): string {
  return decision.kind === 'foreign-organisation' ? decision.organisationId : decision.associationId;
}

const ids = (associations: readonly { associationId: string }[]) =>
  associations.map((a) => a.associationId).join(', ');
