import { defineEntity, p } from '@mikro-orm/core';
import type { Outcome } from '../referral.ts';

const time = () => p.datetime().columnType('timestamptz');
const optionalText = () => p.text().nullable();
const list = <T>() => p.json<T[]>().columnType('jsonb');

/**
 * The office inboxes and the national queue, one row per referral (migrations 0200, 0201, 0205),
 * written by the inline projection beside it (index.ts), read by queries.ts. The sender keeps a
 * read-only trace through `fromOfficeId`.
 */
export const ReferralInboxRow = defineEntity({
  name: 'ReferralInboxRow',
  tableName: 'referral_inbox',
  properties: {
    referralId: p.text().primary(),
    caseId: p.text(),
    intakeId: p.text(),
    status: p.text(),
    mode: optionalText(),
    targetKind: optionalText(),
    associationId: optionalText(),
    officeId: optionalText(),
    organisationId: optionalText(),
    fromAssociationId: optionalText(),
    fromOfficeId: optionalText(),
    urgency: p.text(),
    urgencyRank: p.smallint(),
    offenceCategory: p.text(),
    needs: list<string>().defaultRaw(`'[]'`),
    reasons: list<{ code: string; params?: Record<string, string> }>().defaultRaw(`'[]'`),
    queueReason: optionalText(),
    candidates: list<string>().nullable(),
    dueAt: time().nullable(),
    remindersSent: list<string>().defaultRaw(`'[]'`),
    escalated: p.boolean().default(false),
    declineReason: optionalText(),
    redirectedTo: optionalText(),
    redirectedFrom: optionalText(),
    outcome: p.json<Outcome>().columnType('jsonb').nullable(),
    proposedAt: time(),
    updatedAt: time(),
  },
});
