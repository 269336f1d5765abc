import type { IntegrationEvent } from '@parcours/contracts';
import type { Actor } from '@parcours/service-kit';

/**
 * What a browser is told when something changed: which resource, which ids, and who may hear of
 * it. Ids and kinds only: nothing that names or describes a victim.
 */
export interface LiveUpdate {
  resource: 'referral' | 'intake';
  /** The integration event's short name: proposed, accepted, ready-for-orientation… */
  change: string;
  caseId: string;
  referralId?: string;
  /** Who may hear of it: offices and associations involved; `national` for the national platform. */
  scope: Scope;
  at: string;
}

export interface Scope {
  national: boolean;
  associations: string[];
  offices: string[];
}

interface Party {
  kind: string;
  associationId?: string;
  officeId?: string;
}

const partiesScope = (parties: (Party | undefined)[], national: boolean): Scope => {
  const associations = new Set<string>();
  const offices = new Set<string>();
  for (const party of parties) {
    if (party?.associationId) associations.add(party.associationId);
    if (party?.officeId) offices.add(party.officeId);
  }
  return { national, associations: [...associations], offices: [...offices] };
};

/** `fr.parcours.referral.proposed.v1` → `proposed`. */
const changeOf = (type: string) => type.split('.').at(-2) ?? type;

/**
 * The scope a referral event states by itself. Proposals and queueing name both ends; answers name
 * the target; a redirection names where it goes. What an event leaves out (the sender of a revoked
 * referral) is completed from the proposal's scope by the relay.
 */
export function toLiveUpdate(event: IntegrationEvent): LiveUpdate | undefined {
  const data = event.data as Record<string, unknown>;
  const at = typeof data['at'] === 'string' ? data['at'] : event.time;
  if (event.type.startsWith('fr.parcours.referral.')) {
    const change = changeOf(event.type);
    const from = data['from'] as Party | undefined;
    const parties = [data['target'] as Party | undefined, data['to'] as Party | undefined, from];
    const national = change === 'queued' || from?.kind === 'national-platform';
    return {
      resource: 'referral',
      change,
      caseId: event.subject,
      referralId: String(data['referralId']),
      scope: partiesScope(parties, national),
      at,
    };
  }
  if (event.type.startsWith('fr.parcours.intake.')) {
    const origin = (data['origin'] ?? {}) as Party;
    return {
      resource: 'intake',
      change: changeOf(event.type),
      caseId: event.subject,
      scope: partiesScope([origin], true),
      at,
    };
  }
  return undefined;
}

export const mergeScopes = (a: Scope, b: Scope): Scope => ({
  national: a.national || b.national,
  associations: [...new Set([...a.associations, ...b.associations])],
  offices: [...new Set([...a.offices, ...b.offices])],
});

/**
 * Who hears of an update: admins everything; the national platform (helpline) what concerns it;
 * office staff their office's updates; association-wide roles (no office) their association's.
 */
export function canHear(actor: Actor, scope: Scope): boolean {
  if (actor.roles.includes('admin')) return true;
  if (scope.national && actor.roles.includes('helpline')) return true;
  if (actor.office) return scope.offices.includes(actor.office);
  return actor.association !== undefined && scope.associations.includes(actor.association);
}

/** The message a browser receives: the update without its audience. */
export const forBrowser = ({ scope: _scope, ...update }: LiveUpdate) => update;
