// Over 300 lines: one fold of a case, every event type of four services on the same rows being built.
import type { LogEvent } from '../log/log.ts';

/**
 * One case's views, folded from every integration event the log holds for it: the same set of
 * events gives the same rows whatever order they arrived in (they are sorted by the time the fact
 * happened first), and a duplicate is in the log once. Rows use the tables' column names, ready for
 * json_populate_recordset (cases/store.ts).
 */
export interface CaseViews {
  case: Record<string, unknown>;
  files: Record<string, unknown>[];
  referrals: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  hearings: Record<string, unknown>[];
  evvi: Record<string, unknown>[];
  breaches: Record<string, unknown>[];
  mediations: Record<string, unknown>[];
}

type Data = Record<string, any>;
// Times as toISOString writes them pass as they are: parsing every one is the rebuild's hot path.
const canonical = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const iso = (time: string) => (canonical.test(time) ? time : new Date(time).toISOString());
const shortTypes = new Map<string, string>();
/** `fr.parcours.followup.file-opened.v1` → `followup.file-opened` (memoised: a few dozen types). */
const shortType = (type: string) => {
  let short = shortTypes.get(type);
  if (short === undefined) {
    short = type.split('.').slice(2, -1).join('.');
    shortTypes.set(type, short);
  }
  return short;
};

// What opens a thing comes before what happens to it at the same instant.
const firsts = new Set([
  'intake.ready-for-orientation',
  'referral.proposed',
  'followup.file-opened',
  'mediation.requested',
  'mediation.opened',
]);

// Code-unit order, as PostgreSQL's "C" collation of the log's ids (localeCompare is slow and locale-bound).
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function ordered(events: readonly LogEvent[]): LogEvent[] {
  // Ranks computed once per event, not in every comparison (a case's fold is the rebuild's hot path).
  return events
    .map((event) => ({ event, first: firsts.has(shortType(event.type)) ? 0 : 1 }))
    .sort(
      (a, b) =>
        compare(a.event.time, b.event.time) || a.first - b.first || compare(a.event.eventId, b.event.eventId),
    )
    .map(({ event }) => event);
}

export function foldCase(caseKey: string, events: readonly LogEvent[]): CaseViews {
  const sorted = ordered(events);
  const kase: Data = {
    case_key: caseKey,
    channel: null,
    intake_office_id: null,
    intake_association_id: null,
    offence_category: null,
    first_at: sorted[0]?.time ?? null,
    last_at: sorted.at(-1)?.time ?? null,
  };
  const files = new Map<string, Data>();
  const referrals = new Map<string, Data>();
  const actions = new Map<string, Data>();
  const hearings = new Map<string, Data>();
  const evvi = new Map<string, Data>();
  const breaches = new Map<string, Data>();
  const mediations = new Map<string, Data>();
  const links = new Map<string, string>();
  // Intake's, for every file of the case (the annual report splits a couple's violence by it).
  let authorLink: string | null = null;

  const file = (d: Data, at: string): Data => {
    let row = files.get(d.fileId);
    if (!row) {
      row = {
        file_id: d.fileId,
        case_key: caseKey,
        association_id: d.associationId,
        office_id: d.officeId,
        person_key: d.fileId,
        origin: null,
        channel: null,
        offence_category: null,
        author_link: null,
        status: 'open',
        caseworker_id: null,
        opened_at: null,
        closed_at: null,
        closure_reason: null,
        first_contact_at: null,
        last_activity_at: at,
        inactive_since: null,
      };
      files.set(d.fileId, row);
    }
    return row;
  };
  const active = (row: Data, at: string) => {
    if (at > row.last_activity_at) row.last_activity_at = at;
    row.inactive_since = null;
  };
  const breach = (id: string, kind: string, place: Data, at: string) =>
    breaches.set(`${kind}:${id}`, {
      breach_id: `${kind}:${id}`,
      case_key: caseKey,
      kind,
      association_id: place.associationId ?? null,
      office_id: place.officeId ?? null,
      at,
    });
  const referral = (d: Data): Data => {
    let row = referrals.get(d.referralId);
    if (!row) {
      row = {
        referral_id: d.referralId,
        case_key: caseKey,
        association_id: null,
        office_id: null,
        from_office_id: null,
        mode: null,
        status: 'proposed',
        urgency: null,
        proposed_at: null,
        due_at: null,
        answered_at: null,
        accepted_at: null,
      };
      referrals.set(d.referralId, row);
    }
    const target = d.target ?? undefined;
    if (target?.associationId) row.association_id = target.associationId;
    if (target?.officeId) row.office_id = target.officeId;
    return row;
  };
  const mediation = (d: Data): Data => {
    let row = mediations.get(d.mandateId);
    if (!row) {
      row = {
        mandate_id: d.mandateId,
        case_key: caseKey,
        association_id: d.associationId,
        office_id: d.officeId,
        status: 'requested',
        return_reason: null,
        fulfilled: null,
        deadline: null,
        first_convocation_by: null,
        outcome_at: null,
        sessions_held: 0,
      };
      mediations.set(d.mandateId, row);
    }
    return row;
  };

  for (const event of sorted) {
    const d = event.data as Data;
    const at = event.time;
    switch (shortType(event.type)) {
      case 'intake.ready-for-orientation':
        kase.channel = d.channel;
        kase.offence_category = d.offenceCategory;
        authorLink = d.authorLink ?? null;
        kase.intake_office_id = d.origin?.officeId ?? null;
        kase.intake_association_id = d.origin?.associationId ?? null;
        break;
      case 'referral.proposed': {
        const row = referral(d);
        Object.assign(row, {
          mode: d.mode,
          urgency: d.urgency,
          proposed_at: at,
          due_at: iso(d.dueAt),
          from_office_id: d.from?.officeId ?? null,
        });
        kase.offence_category ??= d.offenceCategory;
        break;
      }
      case 'referral.queued':
        break;
      case 'referral.accepted':
        Object.assign(referral(d), { status: 'accepted', answered_at: at, accepted_at: at });
        break;
      case 'referral.declined':
      case 'referral.redirected':
        Object.assign(referral(d), { status: shortType(event.type).slice(9), answered_at: at });
        break;
      case 'referral.revoked':
        referral(d).status = 'revoked';
        break;
      case 'referral.expired': {
        const row = referral(d);
        row.status = 'expired';
        breach(
          d.referralId,
          'referral-expired',
          { associationId: row.association_id, officeId: row.office_id },
          at,
        );
        break;
      }
      case 'referral.done':
        referral(d).status = 'done';
        break;
      case 'followup.file-opened': {
        const row = file(d, at);
        Object.assign(row, {
          origin: d.origin,
          channel: d.channel,
          offence_category: d.offenceCategory,
          opened_at: at,
        });
        if (d.linkedFileId && d.origin !== 'walk-in') links.set(d.fileId, d.linkedFileId);
        active(row, at);
        break;
      }
      case 'followup.file-assigned':
        file(d, at).caseworker_id = d.caseworkerId;
        break;
      case 'followup.file-closure-requested':
        file(d, at).status = 'closure-requested';
        break;
      case 'followup.file-closure-refused':
        file(d, at).status = 'open';
        break;
      case 'followup.file-closed':
        Object.assign(file(d, at), { status: 'closed', closed_at: at, closure_reason: d.reason });
        break;
      case 'followup.file-reopened':
        Object.assign(file(d, at), { status: 'open', closed_at: null, closure_reason: null });
        active(file(d, at), at);
        break;
      case 'followup.file-flagged-inactive': {
        const row = file(d, at);
        if (row.last_activity_at <= iso(d.since)) row.inactive_since = iso(d.since);
        break;
      }
      case 'followup.support-action-recorded': {
        const row = file(d, at);
        actions.set(d.actionId, {
          action_id: d.actionId,
          case_key: caseKey,
          file_id: d.fileId,
          association_id: d.associationId,
          office_id: d.officeId,
          person_key: d.fileId,
          kind: d.kind,
          done_at: iso(d.on),
        });
        if (row.first_contact_at === null || iso(d.on) < row.first_contact_at)
          row.first_contact_at = iso(d.on);
        active(row, at);
        break;
      }
      case 'followup.contact-attempted': {
        const row = file(d, at);
        if (d.answered && (row.first_contact_at === null || iso(d.startedAt) < row.first_contact_at))
          row.first_contact_at = iso(d.startedAt);
        active(row, at);
        break;
      }
      case 'followup.evvi-requested':
        file(d, at);
        evvi.set(d.requestId, {
          ...(evvi.get(d.requestId) ?? { submitted_at: null, late: false }),
          request_id: d.requestId,
          case_key: caseKey,
          file_id: d.fileId,
          association_id: d.associationId,
          office_id: d.officeId,
          requested_at: at,
          due_on: d.dueOn,
        });
        break;
      case 'followup.evvi-submitted': {
        active(file(d, at), at);
        const row = evvi.get(d.requestId) ?? {
          request_id: d.requestId,
          case_key: caseKey,
          file_id: d.fileId,
          association_id: d.associationId,
          office_id: d.officeId,
          requested_at: null,
          due_on: null,
          submitted_at: null,
          late: false,
        };
        if (row.submitted_at === null) Object.assign(row, { submitted_at: at, late: d.late });
        evvi.set(d.requestId, row);
        if (d.late) breach(d.requestId, 'evvi-late', d, at);
        break;
      }
      case 'followup.hearing-scheduled':
        file(d, at);
        hearings.set(d.hearingId, {
          hearing_id: d.hearingId,
          case_key: caseKey,
          file_id: d.fileId,
          association_id: d.associationId,
          office_id: d.officeId,
          starts_at: iso(d.startsAt),
          accompaniment_planned: d.accompanimentPlanned,
        });
        break;
      case 'followup.compensation-claim-filed':
        active(file(d, at), at);
        if (d.late) breach(`${d.fileId}:${d.scheme}:${d.filedOn}`, 'compensation-late', d, at);
        break;
      case 'followup.mediation-requested':
        active(file(d, at), at);
        break;
      case 'mediation.requested':
        mediation(d);
        break;
      case 'mediation.refused':
        Object.assign(mediation(d), { status: 'refused', return_reason: d.reason, outcome_at: at });
        break;
      case 'mediation.opened':
        Object.assign(mediation(d), {
          status: 'open',
          deadline: d.deadline,
          first_convocation_by: d.firstConvocationBy,
        });
        break;
      case 'mediation.session-held': {
        const row = mediation(d);
        row.sessions_held += 1;
        break;
      }
      case 'mediation.returned': {
        const row = mediation(d);
        Object.assign(row, { status: 'returned', return_reason: d.reason, outcome_at: at });
        if (d.reason === 'deadline-passed') breach(d.mandateId, 'mediation-deadline', d, at);
        break;
      }
      case 'mediation.agreed':
        Object.assign(mediation(d), { status: 'agreed', outcome_at: at });
        break;
      case 'mediation.term-not-executed':
        breach(`${d.mandateId}:${d.termId}:${d.instalment ?? 0}`, 'mediation-term', d, at);
        break;
      case 'mediation.settled':
        Object.assign(mediation(d), { status: 'settled', fulfilled: d.fulfilled });
        break;
    }
  }

  // One person per chain of files: a transfer's or an added service's file is the same person's.
  const root = (fileId: string): string => {
    const seen = new Set<string>();
    let id = fileId;
    while (links.has(id) && !seen.has(id)) {
      seen.add(id);
      id = links.get(id)!;
    }
    return id;
  };
  for (const row of files.values()) {
    row.person_key = `${caseKey}/${root(row.file_id)}`;
    row.author_link = authorLink;
  }
  for (const row of actions.values()) row.person_key = files.get(row.file_id)!.person_key;

  return {
    case: kase,
    files: [...files.values()],
    referrals: [...referrals.values()],
    actions: [...actions.values()],
    hearings: [...hearings.values()],
    evvi: [...evvi.values()],
    breaches: [...breaches.values()],
    mediations: [...mediations.values()],
  };
}
