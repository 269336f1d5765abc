import { defineAccess, type Owner, type Reach } from '@parcours/service-kit';
import type { Sender, Target } from './referral/referral.ts';

const association: Reach = ['own-office', 'own-association'];
/** The national DPO (an auditor without association) reads every association's, and the national platform's. */
const auditor: Reach = [...association, 'from-national', 'national'];
const officeStaff = {
  caseworker: association,
  'office-manager': association,
  'association-manager': association,
};

/**
 * Who may do what in the referral service: one table, walked by access.unit.spec.ts. Routes call
 * `access.guard(action)` (the role) then `access.check(actor, action, owner)` (where the resource
 * stands); the decider checks the answers and the revocation itself, so no caller can skip them.
 * The owner of a referral is its target (who answers) or its sender (who revokes); a referral to a
 * foreign organisation, or queued, belongs to no association: the national platform's.
 */
export const access = defineAccess({
  /** The directory (offices, associations, a routing's dry run): every member of the network. */
  'directory.read': {
    helpline: 'anywhere',
    caseworker: 'anywhere',
    'office-manager': 'anywhere',
    'association-manager': 'anywhere',
    'federation-analyst': 'anywhere',
    auditor: 'anywhere',
    admin: 'anywhere',
  },
  /** Closing an office, changing an association's coverage, republishing the feed. */
  'directory.manage': { admin: 'anywhere' },
  /** An office's referrals, received or sent. */
  'inbox.read': { ...officeStaff, auditor, admin: 'anywhere' },
  /** One referral and a case's referrals: the sender's and the receiver's associations, the helpline. */
  'referral.read': { ...officeStaff, auditor, helpline: 'anywhere', admin: 'anywhere' },
  /** Accept, decline, redirect, add a service, close with an outcome: the receiver; the helpline for a foreign organisation. */
  'referral.answer': { ...officeStaff, helpline: ['national'], admin: 'anywhere' },
  /** Withdraw a referral: its sender; the helpline for what the national platform sent. */
  'referral.revoke': { ...officeStaff, helpline: ['national'], admin: 'anywhere' },
  /** The national platform's queue, and routing a queued case by hand. */
  'queue.read': { helpline: ['national'], admin: 'anywhere' },
  'queue.route': { helpline: ['national'], admin: 'anywhere' },
});
export type ReferralAction = (typeof access.actions)[number];

/** Who answers a referral: the target's office, or nobody's (a foreign organisation: the national platform). */
export const ownerOfTarget = (target: Target): Owner =>
  target.kind === 'foreign-organisation'
    ? {}
    : { associationId: target.associationId, officeId: target.officeId };

/** Who sent it: an office, or the national platform. */
export const ownerOfSender = (from: Sender): Owner =>
  from.kind === 'office' ? { associationId: from.associationId, officeId: from.officeId } : {};

/** The national platform's things: the queue, a queued referral. */
export const nationalPlatform: Owner = {};
