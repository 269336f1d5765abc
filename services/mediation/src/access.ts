import type { CommandMetadata } from './command.ts';

/**
 * Who may do what in the mediation service, in one place: routes ask `may` before reading or
 * running a command, and its unit test walks the whole matrix. Deciders check rules, not roles.
 */
export const MediationActions = [
  /** Mandates, parties, sessions, the calendar, the report. */
  'read',
  /** Record a prosecutor's mandate or decision. */
  'open-mandate',
  /** Parties, consents, assigning the mediator, scheduling, attendance. */
  'conduct',
  /** Agreement, failure, report, execution of the terms: the mediator's own acts. */
  'record-outcome',
  /** Register mediators and record their authorisations. */
  'manage-mediators',
  /** A mediator's weekly pattern and exceptions. */
  'set-availability',
  /** The rooms of an office. */
  'manage-rooms',
] as const;
export type MediationAction = (typeof MediationActions)[number];

/** Where the thing acted on sits; `mediatorId` when it is a mediator's own record. */
export interface AccessTarget {
  associationId: string;
  officeId?: string;
  mediatorId?: string;
}

export type Scope = 'own-office' | 'other-office' | 'other-association';

type Actor = CommandMetadata['actor'];

export function scopeOf(actor: Actor, target: AccessTarget): Scope {
  if (actor.association !== target.associationId) return 'other-association';
  return actor.office !== undefined && actor.office === target.officeId ? 'own-office' : 'other-office';
}

const association: readonly Scope[] = ['own-office', 'other-office'];
const office: readonly Scope[] = ['own-office'];

/**
 * Mediators work for their association in any of its offices; an office manager runs their office
 * and sees the association's; an association manager runs the association's mediators and rooms;
 * an auditor reads. Nobody else reaches mediation files: not the helpline, caseworkers, the
 * federation's analysts, nor technical admins.
 */
const rules: Partial<Record<string, Partial<Record<MediationAction, readonly Scope[]>>>> = {
  mediator: {
    read: association,
    'open-mandate': association,
    conduct: association,
    'record-outcome': association,
  },
  'office-manager': {
    read: association,
    'open-mandate': office,
    conduct: office,
    'manage-mediators': office,
    'set-availability': office,
    'manage-rooms': office,
  },
  'association-manager': {
    read: association,
    'open-mandate': association,
    'manage-mediators': association,
    'set-availability': association,
    'manage-rooms': association,
  },
  auditor: { read: association },
};

export function may(actor: Actor, action: MediationAction, target: AccessTarget): boolean {
  // A national auditor (no association) reads every association's files.
  if (action === 'read' && actor.roles.includes('auditor') && actor.association === undefined) return true;
  // Mediators keep their own availability.
  if (action === 'set-availability' && actor.roles.includes('mediator') && target.mediatorId === actor.id)
    return scopeOf(actor, target) !== 'other-association';
  const scope = scopeOf(actor, target);
  return actor.roles.some((role) => rules[role]?.[action]?.includes(scope) ?? false);
}
