// Over 300 lines: the given/when/then of every command of the referral's decider.
import type { CommandMetadata } from '@parcours/service-kit';
import { deciderSpec } from '@parcours/testing';
import { describe, expect, it } from 'vitest';
import { reason } from '../routing/reasons.ts';
import { type ProposeReferral, ReferralErrors, referralDecider } from './decide.ts';
import { routerIdentity, schedulerIdentity } from './identities.ts';
import { deadlinesFor, type ReferralEvent, type ReferralProposed, type Target } from './referral.ts';

const spec = deciderSpec(referralDecider);
const now = new Date('2025-06-02T09:00:00.000Z');
const at = now.toISOString();
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

const caseworker: CommandMetadata = {
  now,
  actor: { id: 'cw-75', roles: ['caseworker'], association: 'asso-75', office: 'office-75-bav' },
};
const lyon: CommandMetadata = { now, actor: { id: 'cw-69', roles: ['caseworker'], association: 'asso-69' } };
// Background work acts as the service identities, without any human role.
const routing: CommandMetadata = { now, actor: routerIdentity };
const scheduler = (when: Date): CommandMetadata => ({ now: when, actor: schedulerIdentity });

const office: Target = { kind: 'office', associationId: 'asso-75', officeId: 'office-75-bav' };
const other: Target = { kind: 'office', associationId: 'asso-69', officeId: 'office-69-lyon' };
const foreign: Target = { kind: 'foreign-organisation', organisationId: 'foreign-be', countryCode: 'BE' };

const propose = (overrides: Partial<ProposeReferral['data']> = {}): ProposeReferral => ({
  type: 'ProposeReferral',
  data: {
    referralId: 'ref-1',
    caseId: 'case-1',
    intakeId: 'intake-1',
    urgency: 'high',
    offenceCategory: 'couple-violence',
    needs: ['legal-information'],
    consent: { sharing: true },
    mode: 'transfer',
    from: { kind: 'national-platform' },
    target: office,
    reasons: [reason('residence-commune', { communeCode: '75111' })],
    ...overrides,
  },
  metadata: routing,
});

const proposed = (overrides: Partial<ProposeReferral['data']> = {}): ReferralProposed => ({
  type: 'ReferralProposed',
  data: {
    ...propose(overrides).data,
    deadlines: deadlinesFor(overrides.urgency ?? 'high', now),
    by: 'system:referral-router',
    at,
  },
});
const accepted: ReferralEvent = { type: 'ReferralAccepted', data: { referralId: 'ref-1', by: 'cw-75', at } };

describe('deadlines', () => {
  it.each([
    ['immediate', 4],
    ['high', 24],
    ['normal', 72],
    ['low', 168],
  ] as const)(
    'gives a %s proposal %i hours, with reminders at half and nine tenths of it',
    (urgency, hours) => {
      const deadlines = deadlinesFor(urgency, now);
      expect(deadlines.dueAt).toBe(later(hours).toISOString());
      expect(deadlines.reminders).toEqual([
        { kind: 'reminder-50', at: later(hours * 0.5).toISOString() },
        { kind: 'reminder-90', at: later(hours * 0.9).toISOString() },
      ]);
    },
  );
});

describe('proposing', () => {
  it('proposes with deadlines computed from the urgency and the command time', () => {
    spec.given([]).when(propose()).then([proposed()]);
  });

  it('ignores the same proposal delivered twice', () => {
    spec.given([proposed()]).when(propose()).then([]);
  });

  it('proposes a queued case once the national platform chose a target', () => {
    const queued: ReferralEvent = {
      type: 'ReferralQueued',
      data: { ...propose().data, why: 'ask-commune', candidates: ['2B033'], at } as never,
    };
    expect(spec.given([queued]).when(propose()).events()).toHaveLength(1);
  });

  it('refuses a hand-over to another organisation without sharing consent (consent gate)', () => {
    spec
      .given([])
      .when(propose({ consent: { sharing: false }, target: foreign }))
      .thenThrows('consent to sharing');
    spec
      .given([])
      .when(propose({ consent: { sharing: false }, target: other, originAssociationId: 'asso-75' }))
      .thenThrows('consent to sharing');
  });

  it('accepts the hand-over when an override is recorded, or within the network from the helpline', () => {
    expect(
      spec
        .given([])
        .when(
          propose({ consent: { sharing: false, override: { reason: 'danger', by: 'x' } }, target: foreign }),
        )
        .events(),
    ).toHaveLength(1);
    expect(
      spec
        .given([])
        .when(propose({ consent: { sharing: false } }))
        .events(),
    ).toHaveLength(1);
  });
});

describe('the walk-in rule', () => {
  const bav = { kind: 'office' as const, associationId: 'asso-75', officeId: 'office-75-bav' };
  const walkIn = (overrides: Partial<ProposeReferral['data']> = {}) =>
    propose({ from: bav, target: office, originAssociationId: 'asso-75', ...overrides });

  it('accepts at once a walk-in kept at the office the victim walked into', () => {
    spec
      .given([])
      .when(walkIn())
      .then([
        proposed({ from: bav, target: office, originAssociationId: 'asso-75' }),
        { type: 'ReferralAccepted', data: { referralId: 'ref-1', by: 'system:referral-router', at } },
      ]);
  });

  it('ignores the same walk-in delivered twice, once accepted', () => {
    const events = spec.given([]).when(walkIn()).events();
    spec.given(events).when(walkIn()).then([]);
  });

  it('proposes a walk-in routed elsewhere, and a redirection back to the sending office, for an answer', () => {
    const lyonOffice = { kind: 'office' as const, associationId: 'asso-69', officeId: 'office-69-lyon' };
    expect(
      spec
        .given([])
        .when(walkIn({ from: lyonOffice, originAssociationId: 'asso-69' }))
        .events()
        .map((e) => e.type),
    ).toEqual(['ReferralProposed']);
    expect(
      spec
        .given([])
        .when(walkIn({ redirectedFrom: 'ref-0' }))
        .events()
        .map((e) => e.type),
    ).toEqual(['ReferralProposed']);
  });
});

describe('answering', () => {
  it('accepts a proposal addressed to my association', () => {
    spec
      .given([proposed()])
      .when({ type: 'AcceptReferral', data: {}, metadata: caseworker })
      .then([accepted]);
  });

  it('refuses another association (403) and a second answer (409)', () => {
    spec
      .given([proposed()])
      .when({ type: 'AcceptReferral', data: {}, metadata: lyon })
      .thenThrows('out of your scope');
    spec
      .given([proposed(), accepted])
      .when({ type: 'DeclineReferral', data: { reason: 'full' }, metadata: caseworker })
      .thenThrows('accepted referral cannot be declined');
    spec
      .given([proposed(), accepted])
      .when({ type: 'AcceptReferral', data: {}, metadata: caseworker })
      .then([]);
  });

  it('declines with a reason', () => {
    spec
      .given([proposed()])
      .when({ type: 'DeclineReferral', data: { reason: 'outside our competence' }, metadata: caseworker })
      .then([
        {
          type: 'ReferralDeclined',
          data: { referralId: 'ref-1', reason: 'outside our competence', by: 'cw-75', at },
        },
      ]);
  });

  it('redirects to another office, naming the new referral', () => {
    const to: Target = { kind: 'office', associationId: 'asso-75', officeId: 'office-75-commissariat-11' };
    spec
      .given([proposed()])
      .when({
        type: 'RedirectReferral',
        data: { to, newReferralId: 'ref-2', reason: 'closer' },
        metadata: caseworker,
      })
      .then([
        {
          type: 'ReferralRedirected',
          data: { referralId: 'ref-1', to, newReferralId: 'ref-2', reason: 'closer', by: 'cw-75', at },
        },
      ]);
  });

  it('refuses a redirection to the same target, or abroad without consent', () => {
    spec
      .given([proposed()])
      .when({
        type: 'RedirectReferral',
        data: { to: office, newReferralId: 'ref-2', reason: 'x' },
        metadata: caseworker,
      })
      .thenThrows('another office');
    spec
      .given([proposed({ consent: { sharing: false } })])
      .when({
        type: 'RedirectReferral',
        data: { to: foreign, newReferralId: 'ref-2', reason: 'x' },
        metadata: caseworker,
      })
      .thenThrows('consent to sharing');
  });

  it('lets the office holding an accepted referral add a service elsewhere, keeping the case', () => {
    const add = (to: Target, metadata = caseworker) => ({
      type: 'AddService' as const,
      data: { to, newReferralId: 'ref-3', reason: 'psychologist near her work' },
      metadata,
    });
    spec
      .given([proposed(), accepted])
      .when(add(other))
      .then([
        {
          type: 'ReferralServiceAdded',
          data: {
            referralId: 'ref-1',
            to: other,
            newReferralId: 'ref-3',
            reason: 'psychologist near her work',
            by: 'cw-75',
            at,
          },
        },
      ]);
    // Not before it is accepted, not by another association, not to itself, not without consent.
    spec.given([proposed()]).when(add(other)).thenThrows('cannot be referred on');
    spec.given([proposed(), accepted]).when(add(other, lyon)).thenThrows('out of your scope');
    spec.given([proposed(), accepted]).when(add(office)).thenThrows('another office');
    spec
      .given([proposed({ consent: { sharing: false } }), accepted])
      .when(add(other))
      .thenThrows('consent to sharing');
  });

  it('lets the sender revoke, not the receiver of another association', () => {
    const fromOffice = proposed({
      from: { kind: 'office', associationId: 'asso-69', officeId: 'office-69-lyon' },
      target: office,
    });
    spec
      .given([fromOffice])
      .when({ type: 'RevokeReferral', data: { reason: 'victim moved' }, metadata: lyon })
      .then([
        { type: 'ReferralRevoked', data: { referralId: 'ref-1', reason: 'victim moved', by: 'cw-69', at } },
      ]);
    spec
      .given([fromOffice])
      .when({ type: 'RevokeReferral', data: { reason: 'x' }, metadata: caseworker })
      .thenThrows('out of your scope');
  });

  it('is done with an outcome once accepted, never before', () => {
    const failed = { successful: false as const, reason: 'victim unreachable' };
    spec
      .given([proposed(), accepted])
      .when({ type: 'CompleteReferral', data: { outcome: failed }, metadata: caseworker })
      .then([{ type: 'ReferralDone', data: { referralId: 'ref-1', outcome: failed, by: 'cw-75', at } }]);
    spec
      .given([proposed()])
      .when({ type: 'CompleteReferral', data: { outcome: { successful: true } }, metadata: caseworker })
      .thenThrows(/proposed referral cannot be completed/);
  });
});

describe('reminders and expiry', () => {
  const remind = (reminder: 'reminder-50' | 'reminder-90', when = later(12)) =>
    ({ type: 'SendReminder', data: { reminder }, metadata: scheduler(when) }) as const;

  it('sends each reminder once, and none after an answer', () => {
    const sent: ReferralEvent = {
      type: 'ReferralReminderSent',
      data: {
        referralId: 'ref-1',
        reminder: 'reminder-50',
        by: 'system:referral-scheduler',
        at: later(12).toISOString(),
      },
    };
    spec.given([proposed()]).when(remind('reminder-50')).then([sent]);
    spec.given([proposed(), sent]).when(remind('reminder-50')).then([]);
    spec.given([proposed(), accepted]).when(remind('reminder-90')).then([]);
  });

  it('expires at the deadline and escalates to the office manager; not before, not once answered', () => {
    spec
      .given([proposed()])
      .when({ type: 'ExpireReferral', data: {}, metadata: scheduler(later(24)) })
      .then([
        {
          type: 'ReferralExpired',
          data: {
            referralId: 'ref-1',
            escalatedTo: { role: 'office-manager', associationId: 'asso-75', officeId: 'office-75-bav' },
            by: 'system:referral-scheduler',
            at: later(24).toISOString(),
          },
        },
      ]);
    spec
      .given([proposed()])
      .when({ type: 'ExpireReferral', data: {}, metadata: scheduler(later(23)) })
      .then([]);
    spec
      .given([proposed(), accepted])
      .when({ type: 'ExpireReferral', data: {}, metadata: scheduler(later(30)) })
      .then([]);
  });

  it('refuses to accept an expired proposal', () => {
    const expired: ReferralEvent = {
      type: 'ReferralExpired',
      data: { referralId: 'ref-1', escalatedTo: { role: 'office-manager' }, by: 's', at },
    };
    spec
      .given([proposed(), expired])
      .when({ type: 'AcceptReferral', data: {}, metadata: caseworker })
      .thenThrows(/expired/);
  });
});

it('names its errors with codes', () => {
  expect(ReferralErrors.consentRequired().code).toBe('sharing_consent_required');
  expect(ReferralErrors.outOfScope().status).toBe(403);
});
