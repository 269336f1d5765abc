import type { MandateState } from '../mandate/mandate.ts';
import type { Term } from '../mandate/terms.ts';

/** A term without its encrypted free text (the report decrypts it, nothing else does). */
const termView = (term: Term) => {
  if ('details' in term) {
    const { details, ...rest } = term;
    return { ...rest, hasDetails: details !== undefined };
  }
  return term;
};

/**
 * A mandate as the API shows it: everything the state holds except the parties' encrypted identity
 * and the terms' encrypted free text.
 */
export function mandateView(state: MandateState) {
  if (!('mandate' in state)) return state;
  const parties = Object.values(state.parties).map(
    ({ personal: _personal, subjectId: _subject, ...party }) => party,
  );
  const base = {
    status: state.status,
    mandate: state.mandate,
    mediatorId: state.mediatorId ?? null,
    parties,
    sessions: Object.values(state.sessions).sort((a, b) => a.start.localeCompare(b.start)),
    report: state.report ?? null,
  };
  switch (state.status) {
    case 'returned':
      return { ...base, returned: state.returned };
    case 'agreed':
    case 'settled':
      return {
        ...base,
        agreement: { ...state.agreement, terms: state.agreement.terms.map(termView) },
        ...(state.status === 'settled' ? { fulfilled: state.fulfilled } : {}),
      };
    default:
      return base;
  }
}
