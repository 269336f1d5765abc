import type { CommandMetadata } from '@parcours/service-kit';
import { describe, expect, it } from 'vitest';
import { reason } from '../routing/reasons.ts';
import { routerIdentity } from './identities.ts';
import { type ReferralReaction, reactToReferral } from './reactions.ts';
import {
  deadlinesFor,
  evolve,
  initialState,
  type ReferralEvent,
  type ReferralProposed,
  type Target,
} from './referral.ts';

const now = new Date('2025-06-02T09:00:00.000Z');
const at = now.toISOString();
const metadata: CommandMetadata = { now, actor: routerIdentity };
const newId = (seed: string) => `id(${seed})`;
const context = { newId, metadata };

const bav: Target = { kind: 'office', associationId: 'asso-75', officeId: 'office-75-bav' };
const lyon: Target = { kind: 'office', associationId: 'asso-69', officeId: 'office-69-lyon' };
const facts = {
  caseId: 'case-1',
  intakeId: 'intake-1',
  urgency: 'high' as const,
  offenceCategory: 'couple-violence',
  needs: ['legal-information'],
  consent: { sharing: true },
};
const proposed = (mode: 'transfer' | 'referral' = 'transfer'): ReferralProposed => ({
  type: 'ReferralProposed',
  data: {
    ...facts,
    referralId: 'ref-1',
    mode,
    from: { kind: 'national-platform' },
    target: bav,
    reasons: [residence],
    deadlines: deadlinesFor('high', now),
    by: 'system:referral-router',
    at,
  },
});
const residence = reason('residence-commune', { communeCode: '75111' });
const accepted: ReferralEvent = { type: 'ReferralAccepted', data: { referralId: 'ref-1', by: 'cw-75', at } };

/** given / when / then for reactions: the state is the referral after the event. */
const reacting = (given: ReferralEvent[]) => ({
  when: (event: ReferralEvent) => ({
    then: (expected: ReferralReaction[]) =>
      expect(reactToReferral(event, [...given, event].reduce(evolve, initialState()), context)).toEqual(
        expected,
      ),
  }),
});

describe('what follows a referral’s event', () => {
  it('proposes the new referral a redirection names, from the same sender, in the same mode', () => {
    reacting([proposed()])
      .when({
        type: 'ReferralRedirected',
        data: { referralId: 'ref-1', to: lyon, newReferralId: 'ref-2', reason: 'moved', by: 'cw-75', at },
      })
      .then([
        {
          referralId: 'ref-2',
          command: {
            type: 'ProposeReferral',
            data: {
              ...facts,
              referralId: 'ref-2',
              mode: 'transfer',
              from: { kind: 'national-platform' },
              target: lyon,
              reasons: [reason('redirected', { referralId: 'ref-1', by: 'cw-75', reason: 'moved' })],
              redirectedFrom: 'ref-1',
            },
            metadata,
          },
        },
      ]);
  });

  it('proposes an added service from the holder’s office, which keeps the case', () => {
    reacting([proposed(), accepted])
      .when({
        type: 'ReferralServiceAdded',
        data: { referralId: 'ref-1', to: lyon, newReferralId: 'ref-3', reason: 'near work', by: 'cw-75', at },
      })
      .then([
        {
          referralId: 'ref-3',
          command: {
            type: 'ProposeReferral',
            data: {
              ...facts,
              originAssociationId: 'asso-75',
              referralId: 'ref-3',
              mode: 'referral',
              from: { kind: 'office', associationId: 'asso-75', officeId: 'office-75-bav' },
              target: lyon,
              reasons: [reason('service-added', { referralId: 'ref-1', by: 'cw-75', reason: 'near work' })],
            },
            metadata,
          },
        },
      ]);
  });

  it('queues a declined transfer for the national platform, with the decline in its reasons', () => {
    reacting([proposed()])
      .when({ type: 'ReferralDeclined', data: { referralId: 'ref-1', reason: 'full', by: 'cw-75', at } })
      .then([
        {
          referralId: 'id(requeue:ref-1)',
          command: {
            type: 'QueueReferral',
            data: {
              ...facts,
              referralId: 'id(requeue:ref-1)',
              why: 'declined',
              reasons: [
                residence,
                reason('declined', { by: 'cw-75', where: 'office-75-bav', reason: 'full' }),
              ],
            },
            metadata,
          },
        },
      ]);
  });

  it('queues an expired transfer for the national platform, with the missed deadline', () => {
    const { dueAt } = deadlinesFor('high', now);
    reacting([proposed()])
      .when({
        type: 'ReferralExpired',
        data: { referralId: 'ref-1', escalatedTo: { role: 'office-manager' }, by: 'system:s', at: dueAt },
      })
      .then([
        {
          referralId: 'id(requeue:ref-1)',
          command: {
            type: 'QueueReferral',
            data: {
              ...facts,
              referralId: 'id(requeue:ref-1)',
              why: 'expired',
              reasons: [residence, reason('expired', { where: 'office-75-bav', dueAt })],
            },
            metadata,
          },
        },
      ]);
  });

  it('leaves an added service declined or expired with its holder', () => {
    reacting([proposed('referral')])
      .when({ type: 'ReferralDeclined', data: { referralId: 'ref-1', reason: 'full', by: 'cw-75', at } })
      .then([]);
    reacting([proposed('referral')])
      .when({
        type: 'ReferralExpired',
        data: { referralId: 'ref-1', escalatedTo: { role: 'office-manager' }, by: 'system:s', at },
      })
      .then([]);
  });

  it('implies nothing for an answer that keeps the case where it is', () => {
    reacting([proposed()]).when(accepted).then([]);
    reacting([proposed(), accepted])
      .when({
        type: 'ReferralDone',
        data: { referralId: 'ref-1', outcome: { successful: true }, by: 'x', at },
      })
      .then([]);
    reacting([])
      .when({
        type: 'ReferralQueued',
        data: { ...facts, referralId: 'ref-1', why: 'no-coverage', reasons: [], at },
      })
      .then([]);
  });
});
