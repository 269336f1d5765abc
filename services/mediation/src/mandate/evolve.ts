import {
  type Agreement,
  hasMediation,
  type ItemStatus,
  type MandateEvent,
  type MandateState,
  type Mediation,
  type MediationState,
} from './mandate.ts';
import type { PartyState } from './parties.ts';
import type { Session } from './sessions.ts';
import { dueItems, itemKey } from './terms.ts';

function updateParty(state: MediationState, partyId: string, change: (party: PartyState) => PartyState) {
  const party = state.parties[partyId];
  return party ? { ...state, parties: { ...state.parties, [partyId]: change(party) } } : state;
}

function updateSession(state: MediationState, sessionId: string, change: (session: Session) => Session) {
  const session = state.sessions[sessionId];
  return session ? { ...state, sessions: { ...state.sessions, [sessionId]: change(session) } } : state;
}

function updateItem(state: MediationState, key: string, change: Partial<ItemStatus>): MandateState {
  if (state.status !== 'agreed') return state;
  const item = state.agreement.items[key];
  if (!item) return state;
  const items = { ...state.agreement.items, [key]: { ...item, ...change } };
  return { ...state, agreement: { ...state.agreement, items } };
}

/** After attendance: absent parties count a no-show; principals present at an individual interview are interviewed. */
function attend(state: MediationState, session: Session, attendance: NonNullable<Session['attendance']>) {
  let next: MediationState = updateSession(state, session.sessionId, (s) => ({
    ...s,
    status: 'held',
    attendance,
  }));
  for (const partyId of attendance.absent)
    next = updateParty(next, partyId, (p) => ({ ...p, noShows: p.noShows + 1 }));
  if (session.kind === 'individual')
    for (const partyId of attendance.present)
      next = updateParty(next, partyId, (p) => ({ ...p, interviewed: true }));
  return next;
}

function mediationOf(state: MediationState): Mediation {
  const { mandate, mediatorId, parties, sessions, report } = state;
  return { mandate, parties, sessions, ...(mediatorId ? { mediatorId } : {}), ...(report ? { report } : {}) };
}

export function evolveMandate(state: MandateState, event: MandateEvent): MandateState {
  switch (event.type) {
    case 'MandateRequested': {
      const { by: _by, at: _at, ...request } = event.data;
      return { status: 'awaiting-prosecutor', request };
    }
    case 'MandateOrdered':
      return { status: 'open', mandate: event.data.mandate, parties: {}, sessions: {} };
    case 'MandateRefused': {
      const { summary, reason, legalBasis } = event.data;
      return { status: 'refused', summary, reason, ...(legalBasis ? { legalBasis } : {}) };
    }
  }
  if (!hasMediation(state)) return state;
  switch (event.type) {
    case 'MediatorAssigned':
      return { ...state, mediatorId: event.data.mediatorId };
    case 'PartyAdded': {
      const party: PartyState = { ...event.data.party, noShows: 0, interviewed: false };
      return { ...state, parties: { ...state.parties, [party.partyId]: party } };
    }
    case 'RelationshipRecorded':
      return updateParty(state, event.data.partyId, (p) => ({ ...p, relationship: event.data.relationship }));
    case 'ConsentRecorded':
      return updateParty(state, event.data.partyId, (p) => ({ ...p, consent: event.data.consent }));
    case 'SessionScheduled': {
      const session: Session = { ...event.data.session, status: 'scheduled' };
      return { ...state, sessions: { ...state.sessions, [session.sessionId]: session } };
    }
    case 'SessionRescheduled':
      return updateSession(state, event.data.sessionId, (s) => ({
        ...s,
        ...event.data.slot,
        sequence: event.data.sequence,
      }));
    case 'SessionCancelled':
      return updateSession(state, event.data.sessionId, (s) => ({
        ...s,
        status: 'cancelled',
        sequence: event.data.sequence,
      }));
    case 'AttendanceRecorded': {
      const session = state.sessions[event.data.sessionId];
      return session ? attend(state, session, event.data.attendance) : state;
    }
    case 'AgreementSigned': {
      const { terms, signatures, at } = event.data;
      const items = Object.fromEntries(
        dueItems(terms).map((item) => [itemKey(item), { ...item, status: 'due' as const }]),
      );
      const agreement: Agreement = { terms, signatures, signedAt: at, items };
      return { status: 'agreed', ...mediationOf(state), agreement };
    }
    case 'MandateReturned':
      return { status: 'returned', ...mediationOf(state), returned: event.data };
    case 'ReportSent':
      return { ...state, report: { reportId: event.data.reportId, sentAt: event.data.at } };
    case 'TermExecuted':
      return updateItem(state, itemKey(event.data), {
        status: 'executed',
        executedOn: event.data.executedOn,
      });
    case 'TermNotExecuted':
      return updateItem(state, itemKey(event.data), { status: 'not-executed' });
    case 'AgreementSettled':
      return state.status === 'agreed'
        ? {
            status: 'settled',
            ...mediationOf(state),
            agreement: state.agreement,
            fulfilled: event.data.fulfilled,
          }
        : state;
  }
}
