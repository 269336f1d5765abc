import { localDateOf, localTimeOf } from '../calendar/time.ts';
import { citation } from '../legal.ts';
import type { MandateState, ReturnReason } from '../mandate/mandate.ts';
import type { PartyRole } from '../mandate/parties.ts';
import type { SessionKind } from '../mandate/sessions.ts';
import type { Term, TermKind } from '../mandate/terms.ts';
import type { MediationPolicy } from '../policy.ts';

/** The report is written for a French prosecutor: its wording is French, kept here as data. */
const roleLabels: Record<PartyRole, string> = {
  victim: 'Victime',
  respondent: 'Mis en cause',
  lawyer: 'Avocat',
  representative: 'Représentant',
  'legal-guardian': 'Représentant légal',
};
const kindLabels: Record<SessionKind, string> = {
  individual: 'Entretien individuel',
  joint: 'Réunion de médiation',
};
const returnLabels: Record<ReturnReason, string> = {
  'victim-refused': 'Refus de la victime',
  'respondent-refused': 'Refus du mis en cause',
  'no-shows': 'Absences répétées d’une partie convoquée',
  'couple-violence': 'Violences au sein du couple : la médiation pénale est exclue',
  'no-agreement': 'Pas d’accord entre les parties',
  'deadline-passed': 'Délai fixé par le procureur expiré',
  'withdrawn-by-prosecutor': 'Mandat retiré par le procureur',
};
const termLabels: Record<TermKind, string> = {
  compensation: 'Indemnisation',
  apology: 'Excuses',
  restitution: 'Restitution',
  undertaking: 'Engagement',
};
const itemLabels = { due: 'à échéance', executed: 'exécuté', 'not-executed': 'non exécuté' } as const;

/** Euros from cents, as French readers write them (the narrow spaces become spaces the PDF fonts have). */
export const euros = (cents: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/\u202f/g, '\u00a0');

const frenchDate = (date: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

export interface ReportSection {
  heading: string;
  lines: string[];
}

export interface ProsecutorReport {
  title: string;
  sections: ReportSection[];
  /** When it was written: the PDF's creation date too. */
  writtenAt: Date;
}

/** A mediation that is over: returned to the prosecutor, or agreed (settled or not). */
export type ConcludedMediation = Extract<MandateState, { status: 'returned' | 'agreed' | 'settled' }>;

/** What the caller decrypts or looks up for this report only: it never leaves the report. */
export interface ReportInput {
  state: ConcludedMediation;
  names: { parties: Record<string, string>; mediator: string; court: string; association: string };
  /** Free text of the terms (restitutions, undertakings), decrypted. */
  termDetails?: Record<string, string>;
  writtenAt: Date;
  policy: MediationPolicy;
}

function termLine(term: Term, names: Record<string, string>, details: Record<string, string>): string {
  const who = names[term.by] ?? term.by;
  const extra = details[term.termId] ? ` : ${details[term.termId]}` : '';
  switch (term.kind) {
    case 'compensation': {
      const plan = term.instalments
        .map((i) => `${euros(i.amountCents)} au ${frenchDate(i.dueDate)}`)
        .join(', ');
      return `${termLabels[term.kind]} de ${euros(term.amountCents)} versée par ${who} (${plan})`;
    }
    case 'apology':
      return `${termLabels[term.kind]} ${term.form === 'oral' ? 'orales' : 'écrites'} de ${who}, au plus tard le ${frenchDate(term.dueDate)}`;
    default:
      return `${termLabels[term.kind]} par ${who}, au plus tard le ${frenchDate(term.dueDate)}${extra}`;
  }
}

/** The report to the prosecutor, as sections of lines: pure, rendered by `renderReport`. */
export function prosecutorReport(input: ReportInput): ProsecutorReport {
  const { state, names, policy } = input;
  const { mandate } = state;
  const zone = policy.timeZone;
  const parties = Object.values(state.parties).map(
    (party) =>
      `${roleLabels[party.role]} : ${names.parties[party.partyId] ?? 'nom non communiqué'}${party.minor ? ' (mineur)' : ''}`,
  );
  const sessions = Object.values(state.sessions)
    .filter((session) => session.status === 'held')
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((session) => {
      const { present = [], absent = [] } = session.attendance ?? {};
      const who = (ids: string[]) => ids.map((id) => names.parties[id] ?? id).join(', ') || 'personne';
      return `${frenchDate(localDateOf(session.start, zone))} à ${localTimeOf(session.start, zone)}, ${kindLabels[session.kind]} : présents ${who(present)} ; absents ${who(absent)}`;
    });
  const outcome: ReportSection =
    state.status === 'returned'
      ? {
          heading: 'Issue : échec de la médiation',
          lines: [
            `Motif : ${returnLabels[state.returned.reason]}`,
            ...(state.returned.legalBasis ? [`Fondement : ${citation(state.returned.legalBasis)}`] : []),
          ],
        }
      : {
          heading: 'Issue : accord signé par les parties',
          lines: [
            `Signé le ${frenchDate(localDateOf(state.agreement.signedAt, zone))} (${citation('agreementRecord')})`,
            ...state.agreement.terms.map((term) => termLine(term, names.parties, input.termDetails ?? {})),
            ...Object.values(state.agreement.items)
              .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
              .map((item) => {
                const kind = state.agreement.terms.find((term) => term.termId === item.termId)?.kind;
                const what = `${kind ? termLabels[kind] : item.termId}${item.instalment ? `, versement ${item.instalment}` : ''}`;
                return `Échéance du ${frenchDate(item.dueDate)} (${what}) : ${itemLabels[item.status]}`;
              }),
          ],
        };
  return {
    title: 'Compte rendu de médiation pénale',
    writtenAt: input.writtenAt,
    sections: [
      {
        heading: 'Mandat',
        lines: [
          `Procureur de la République près le ${names.court}, référence ${mandate.prosecutorReference}`,
          `Mandat du ${frenchDate(mandate.orderedOn)}, à rendre avant le ${frenchDate(mandate.deadline)} (${citation('victimAgreement')})`,
          `Association : ${names.association}. Médiateur : ${names.mediator}`,
        ],
      },
      { heading: 'Parties', lines: parties },
      {
        heading: 'Entretiens et réunions',
        lines: sessions.length > 0 ? sessions : ['Aucune rencontre n’a eu lieu'],
      },
      outcome,
    ],
  };
}
