import { type AccessActor, defineAccess, type Owner, type Reach } from '@parcours/service-kit';
import type { IntakeFacts } from './intake/intake.ts';

const association: Reach = ['own-office', 'own-association'];

/**
 * Who may do what in the intake service, in one place: role × where the resource stands
 * (`relations` of the kit). Routes guard with `intakeAccess.guard(action)` before any read and
 * check the resource with `intakeAccess.check(actor, action, owner)` once it is loaded.
 *
 * A walk-in belongs to its office's association; every other intake (helpline call, requisition,
 * partner intake, mass-event victim) is the national platform's until a referral hands its case to
 * an association (see `intakeOwner`). Callbacks, mass events and a recording not yet made belong to
 * no association: every actor stands `national` to them. Whether a mass event is still open is a
 * rule of the decider, not of access.
 */
export const intakeAccess = defineAccess({
  'intake.record-helpline-call': { helpline: ['national'], admin: 'anywhere' },
  /** A caseworker records for their own office; managers for any office of their association. */
  'intake.record-walk-in': {
    caseworker: ['own-office'],
    'office-manager': association,
    'association-manager': association,
    admin: 'anywhere',
  },
  'intake.record-requisition': {
    caseworker: ['national'],
    'office-manager': ['national'],
    'association-manager': ['national'],
    admin: 'anywhere',
  },
  'intake.record-partner-intake': {
    helpline: ['national'],
    caseworker: ['national'],
    'office-manager': ['national'],
    admin: 'anywhere',
  },
  /** The list without identities; a manager's is filtered to their association (read-models). */
  'intake.list': {
    helpline: ['national'],
    'office-manager': association,
    'association-manager': association,
    admin: 'anywhere',
  },
  /** The file with its personal data in clear (every read is logged). */
  'intake.read': {
    helpline: ['national'],
    caseworker: association,
    'office-manager': association,
    'association-manager': association,
    admin: 'anywhere',
  },
  /** Consent, consent override, orientation, corrections of the profile before orientation. */
  'intake.change': {
    helpline: ['national'],
    caseworker: association,
    'office-manager': association,
    'association-manager': association,
    admin: 'anywhere',
  },
  /** Merging a duplicate, and seeing an intake's possible duplicates. */
  'intake.merge': {
    helpline: ['national'],
    'office-manager': association,
    'association-manager': association,
    admin: 'anywhere',
  },
  /** The DPO of the intake's association, or a national DPO; an association's DPO never a national intake. */
  'intake.erase': { auditor: [...association, 'from-national', 'national'], admin: 'anywhere' },
  'intake.read-access-log': {
    auditor: [...association, 'from-national', 'national'],
    'association-manager': association,
    admin: 'anywhere',
  },
  /** Groups of possible duplicates across the network (minimal view). */
  'duplicates.list': { helpline: ['national'], admin: 'anywhere' },
  'callback.work': { helpline: ['national'], admin: 'anywhere' },
  'mass-event.manage': { helpline: ['national'], 'association-manager': ['national'], admin: 'anywhere' },
  /** The commune picker: whoever records a residence. */
  'commune.search': {
    helpline: ['national'],
    caseworker: ['national'],
    'office-manager': ['national'],
    'association-manager': ['national'],
    admin: 'anywhere',
  },
});
export type IntakeAction = (typeof intakeAccess.actions)[number];

/** What no association holds (callbacks, mass events, a recording not yet made). */
export const national: Owner = {};

/** An association's staff stand outside a national intake as outside another association's. */
const nationalPlatform: Owner = { associationId: 'national-platform' };

/**
 * Where an intake stands for this actor. A walk-in: its office. A national intake: `national` to
 * national staff (no association in their token), `other-association` to an association's staff,
 * so that a national DPO may erase it and an association's DPO may not.
 */
export function intakeOwner(intake: Pick<IntakeFacts, 'details'>, actor: AccessActor): Owner {
  const { details } = intake;
  if (details.channel === 'walk-in')
    return { associationId: details.associationId, officeId: details.officeId };
  return actor.association === undefined ? national : nationalPlatform;
}
