import type { LogEvent } from '../log/log.ts';

export interface PathStep {
  at: string;
  /** The service the fact comes from. */
  source: 'intake' | 'referral' | 'follow-up' | 'mediation';
  /** The fact: ready-for-orientation, proposed, file-opened, support-action-recorded, agreed… */
  step: string;
  associationId: string | null;
  officeId: string | null;
  fileId: string | null;
  referralId: string | null;
  mandateId: string | null;
  /** The event's own facts (ids, kinds, dates, counts), its encrypted envelopes left out. */
  details: Record<string, unknown>;
}

const sources: Record<string, PathStep['source']> = {
  intake: 'intake',
  referral: 'referral',
  followup: 'follow-up',
  mediation: 'mediation',
};
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** One case's path through the services, in the order things happened. */
export function timeline(events: readonly LogEvent[]): PathStep[] {
  return events.map((event) => {
    const [, , service = '', step = ''] = event.type.split('.');
    const { personal: _personal, subjectId: _subject, ...details } = event.data;
    const target = (event.data['target'] ?? event.data['origin'] ?? {}) as Record<string, unknown>;
    return {
      at: event.time,
      source: sources[service] ?? 'intake',
      step,
      associationId: text(event.data['associationId']) ?? text(target['associationId']),
      officeId: text(event.data['officeId']) ?? text(target['officeId']),
      fileId: text(event.data['fileId']),
      referralId: text(event.data['referralId']),
      mandateId: text(event.data['mandateId']),
      details,
    };
  });
}
