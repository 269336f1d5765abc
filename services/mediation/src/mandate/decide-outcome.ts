import { localDateOf } from '../calendar/time.ts';
import type { CommandMetadata } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import type { MediationPolicy } from '../policy.ts';
import type { CheckTermExecution, OutcomeCommand, RecordTermExecution, SignAgreement } from './commands.ts';
import { openMandate, orderedMandate, returnedEvent, stamp } from './guards.ts';
import type { ItemStatus, MandateEvent, MandateState, MediationState } from './mandate.ts';
import { consentsNeeded, isPrincipal } from './parties.ts';
import { checkAt, itemKey, termErrors } from './terms.ts';

/** An agreement follows a joint session every principal attended, and is signed by everyone who consents. */
function sign(command: SignAgreement, state: MandateState, policy: MediationPolicy): MandateEvent[] {
  const mediation = openMandate(state, 'agreed');
  const principals = Object.values(mediation.parties).filter(isPrincipal);
  const jointHeld = Object.values(mediation.sessions).some(
    (session) =>
      session.kind === 'joint' &&
      session.status === 'held' &&
      principals.every((party) => session.attendance?.present.includes(party.partyId)),
  );
  if (!jointHeld) throw MediationErrors.jointSessionMissing();
  const { terms, signatures } = command.data;
  const missing = consentsNeeded(mediation.parties).filter(
    (p) => !signatures.some((s) => s.partyId === p.partyId),
  );
  if (missing.length > 0)
    throw MediationErrors.invalid(
      'agreement_unsigned',
      'Every party signs the agreement',
      missing.map(() => ({ field: '/body/signatures', message: 'agreement_unsigned' })),
    );
  const signedOn = localDateOf(command.metadata.now, policy.timeZone);
  const errors = termErrors(terms, Object.keys(mediation.parties), signedOn);
  if (errors.length > 0) throw MediationErrors.invalid('invalid_terms', 'The terms are not valid', errors);
  return [
    {
      type: 'AgreementSigned',
      data: { mandateId: mediation.mandate.mandateId, terms, signatures, ...stamp(command.metadata) },
    },
  ];
}

/** The term, and the instalment when it is one: how events name a due item. */
const itemOf = ({ termId, instalment }: { termId: string; instalment?: number | undefined }) => ({
  termId,
  ...(instalment === undefined ? {} : { instalment }),
});

/** Once every term and instalment is executed or reported, the agreement is settled. */
function settle(
  state: MediationState & { status: 'agreed' },
  changed: ItemStatus,
  metadata: CommandMetadata,
): MandateEvent[] {
  const items = { ...state.agreement.items, [itemKey(changed)]: changed };
  if (Object.values(items).some((item) => item.status === 'due')) return [];
  const fulfilled = Object.values(items).every((item) => item.status === 'executed');
  return [
    { type: 'AgreementSettled', data: { mandateId: state.mandate.mandateId, fulfilled, ...stamp(metadata) } },
  ];
}

function agreedItem(state: MandateState, data: { termId: string; instalment?: number }, action: string) {
  const mediation = orderedMandate(state, action);
  if (mediation.status !== 'agreed') throw MediationErrors.wrongStatus(mediation.status, action);
  const item = mediation.agreement.items[itemKey(data)];
  if (!item) throw MediationErrors.notFound('term');
  return { mediation, item };
}

function recordExecution(command: RecordTermExecution, state: MandateState): MandateEvent[] {
  const { mediation, item } = agreedItem(state, command.data, 'given a term’s execution');
  if (item.status === 'executed') return [];
  const { executedOn } = command.data;
  const executed: MandateEvent = {
    type: 'TermExecuted',
    data: { mandateId: mediation.mandate.mandateId, ...itemOf(item), executedOn, ...stamp(command.metadata) },
  };
  return [executed, ...settle(mediation, { ...item, status: 'executed', executedOn }, command.metadata)];
}

/** Fired by the scheduler: a no-op unless the item is still due once its day is over. */
function checkExecution(
  command: CheckTermExecution,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  if (state.status !== 'agreed') return [];
  const item = state.agreement.items[itemKey(command.data)];
  if (item?.status !== 'due') return [];
  if (command.metadata.now < checkAt(item, policy.timeZone)) return [];
  const reported: MandateEvent = {
    type: 'TermNotExecuted',
    data: {
      mandateId: state.mandate.mandateId,
      ...itemOf(item),
      dueDate: item.dueDate,
      ...stamp(command.metadata),
    },
  };
  return [reported, ...settle(state, { ...item, status: 'not-executed' }, command.metadata)];
}

export function decideOutcome(
  command: OutcomeCommand,
  state: MandateState,
  policy: MediationPolicy,
): MandateEvent[] {
  switch (command.type) {
    case 'SignAgreement':
      return sign(command, state, policy);
    case 'ReturnMandate': {
      // A reaction may return a file twice (a refusal and a no-show): the second is a no-op.
      if (state.status === 'returned') return [];
      const mediation = openMandate(state, 'returned');
      return [returnedEvent(mediation, command.data.reason, command.metadata, command.data.partyId)];
    }
    case 'ExpireMandate': {
      if (state.status !== 'open') return [];
      const today = localDateOf(command.metadata.now, policy.timeZone);
      return today > state.mandate.deadline
        ? [returnedEvent(state, 'deadline-passed', command.metadata)]
        : [];
    }
    case 'SendReport': {
      const mediation = orderedMandate(state, 'reported');
      if (mediation.status === 'open') throw MediationErrors.wrongStatus('open', 'reported');
      if (mediation.report?.reportId === command.data.reportId) return [];
      if (mediation.report) throw MediationErrors.exists('report');
      return [
        {
          type: 'ReportSent',
          data: { mandateId: mediation.mandate.mandateId, ...command.data, ...stamp(command.metadata) },
        },
      ];
    }
    case 'RecordTermExecution':
      return recordExecution(command, state);
    case 'CheckTermExecution':
      return checkExecution(command, state, policy);
  }
}
