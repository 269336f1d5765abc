import type { Event } from '@parcours/eventstore';
import type { Cmd, Day, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';
import { patch } from '../records.ts';
import { isDay } from '../time.ts';

/** The judicial procedure as the association follows it for the victim: complaint → decision → hearings → judgments → appeals. */
export const ComplaintAuthorities = ['police', 'gendarmerie', 'prosecutor', 'investigating-judge'] as const;
export const ProsecutionDecisions = [
  'prosecution',
  'judicial-investigation',
  'alternative-measure',
  'dismissal',
] as const;
export const AppealParties = ['victim', 'defendant', 'prosecutor'] as const;

export interface Hearing {
  hearingId: string;
  court: string;
  chamber: string;
  startsAt: string;
  accompanimentPlanned: boolean;
  status: 'scheduled' | 'held' | 'cancelled';
}
export interface Judgment {
  judgmentId: string;
  court: string;
  on: Day;
  final: boolean;
  finalOn?: Day;
  civilParty: boolean;
  awardCents?: number;
  /** The judgment this one rules on appeal. */
  onAppealOf?: string;
  appealed: boolean;
}

type Complaint = {
  filedOn: Day;
  with: (typeof ComplaintAuthorities)[number];
  offenceOn?: Day;
  reference?: string;
};
type Prosecution = { decision: (typeof ProsecutionDecisions)[number]; decidedOn: Day; court?: string };

export type ComplaintRecorded = Event<'ComplaintRecorded', Complaint & Stamp>;
export type ProsecutionDecided = Event<'ProsecutionDecided', Prosecution & Stamp>;
export type HearingScheduled = Event<'HearingScheduled', Omit<Hearing, 'status'> & Stamp>;
export type HearingRescheduled = Event<'HearingRescheduled', { hearingId: string; startsAt: string } & Stamp>;
export type HearingCancelled = Event<'HearingCancelled', { hearingId: string } & Stamp>;
export type HearingHeld = Event<'HearingHeld', { hearingId: string } & Stamp>;
export type JudgmentRecorded = Event<'JudgmentRecorded', Omit<Judgment, 'appealed'> & Stamp>;
export type JudgmentBecameFinal = Event<'JudgmentBecameFinal', { judgmentId: string; finalOn: Day } & Stamp>;
export type AppealLodged = Event<
  'AppealLodged',
  { judgmentId: string; party: (typeof AppealParties)[number]; on: Day } & Stamp
>;

export type ProcedureEvent =
  | ComplaintRecorded
  | ProsecutionDecided
  | HearingScheduled
  | HearingRescheduled
  | HearingCancelled
  | HearingHeld
  | JudgmentRecorded
  | JudgmentBecameFinal
  | AppealLodged;

export interface ProcedureState {
  complaint?: Complaint;
  prosecution?: Prosecution;
  hearings: Record<string, Hearing>;
  judgments: Record<string, Judgment>;
}
export const initialProcedure = (): ProcedureState => ({ hearings: {}, judgments: {} });

export function evolveProcedure(state: ProcedureState, event: ProcedureEvent): ProcedureState {
  const { by: _by, at: _at, ...data } = event.data;
  const hearing = (id: string, change: Partial<Hearing>) => ({
    ...state,
    hearings: patch(state.hearings, id, change),
  });
  const judgment = (id: string, change: Partial<Judgment>) => ({
    ...state,
    judgments: patch(state.judgments, id, change),
  });
  switch (event.type) {
    case 'ComplaintRecorded':
      return { ...state, complaint: data as Complaint };
    case 'ProsecutionDecided':
      return { ...state, prosecution: data as Prosecution };
    case 'HearingScheduled':
      return {
        ...state,
        hearings: {
          ...state.hearings,
          [event.data.hearingId]: { ...(data as Omit<Hearing, 'status'>), status: 'scheduled' },
        },
      };
    case 'HearingRescheduled':
      return hearing(event.data.hearingId, { startsAt: event.data.startsAt });
    case 'HearingCancelled':
      return hearing(event.data.hearingId, { status: 'cancelled' });
    case 'HearingHeld':
      return hearing(event.data.hearingId, { status: 'held' });
    case 'JudgmentRecorded':
      return {
        ...state,
        judgments: {
          ...state.judgments,
          [event.data.judgmentId]: { ...(data as Omit<Judgment, 'appealed'>), appealed: false },
        },
      };
    case 'JudgmentBecameFinal':
      return judgment(event.data.judgmentId, { final: true, finalOn: event.data.finalOn });
    case 'AppealLodged':
      return judgment(event.data.judgmentId, { appealed: true });
  }
}

export type RecordComplaint = Cmd<'RecordComplaint', Complaint>;
export type DecideProsecution = Cmd<'RecordProsecutionDecision', Prosecution>;
export type ScheduleHearing = Cmd<'ScheduleHearing', Omit<Hearing, 'status'>>;
export type RescheduleHearing = Cmd<'RescheduleHearing', { hearingId: string; startsAt: string }>;
export type CancelHearing = Cmd<'CancelHearing', { hearingId: string }>;
export type RecordHearingHeld = Cmd<'RecordHearingHeld', { hearingId: string }>;
export type RecordJudgment = Cmd<'RecordJudgment', Omit<Judgment, 'appealed'>>;
export type RecordJudgmentFinal = Cmd<'RecordJudgmentFinal', { judgmentId: string; finalOn: Day }>;
export type RecordAppeal = Cmd<
  'RecordAppeal',
  { judgmentId: string; party: (typeof AppealParties)[number]; on: Day }
>;

export type ProcedureCommand =
  | RecordComplaint
  | DecideProsecution
  | ScheduleHearing
  | RescheduleHearing
  | CancelHearing
  | RecordHearingHeld
  | RecordJudgment
  | RecordJudgmentFinal
  | RecordAppeal;

const invalid = FileErrors.invalid;
const days = (...values: (Day | undefined)[]) => {
  if (values.some((v) => v !== undefined && !isDay(v))) throw invalid('invalid_date', 'Dates are YYYY-MM-DD');
};
const instant = (value: string) => {
  if (Number.isNaN(Date.parse(value))) throw invalid('invalid_date', 'Times are RFC 3339');
};

function scheduled(state: ProcedureState, hearingId: string): Hearing {
  const hearing = state.hearings[hearingId];
  if (!hearing) throw invalid('hearing_not_found', 'No such hearing in this file');
  if (hearing.status !== 'scheduled')
    throw FileErrors.conflict('hearing_status', `This hearing is ${hearing.status}`);
  return hearing;
}

function known(state: ProcedureState, judgmentId: string): Judgment {
  const judgment = state.judgments[judgmentId];
  if (!judgment) throw invalid('judgment_not_found', 'No such judgment in this file');
  return judgment;
}

export function decideProcedure(command: ProcedureCommand, file: ActiveFile): ProcedureEvent[] {
  const state = file.procedure;
  const stamp = stampOf(command.metadata);
  const today = command.metadata.now.toISOString().slice(0, 10);
  switch (command.type) {
    case 'RecordComplaint': {
      const { filedOn, offenceOn } = command.data;
      days(filedOn, offenceOn);
      if (state.complaint)
        throw FileErrors.conflict('complaint_recorded', 'The complaint is already recorded');
      if (filedOn > today || (offenceOn && offenceOn > filedOn))
        throw invalid('complaint_dates', 'The offence precedes the complaint, which is not in the future');
      return [{ type: 'ComplaintRecorded', data: { ...command.data, ...stamp } }];
    }
    case 'RecordProsecutionDecision':
      days(command.data.decidedOn);
      return [{ type: 'ProsecutionDecided', data: { ...command.data, ...stamp } }];
    case 'ScheduleHearing': {
      instant(command.data.startsAt);
      const existing = state.hearings[command.data.hearingId];
      if (existing) {
        // A hearing recorded twice (a retried request) is one hearing; another with the same id is a mistake.
        if (existing.startsAt === command.data.startsAt && existing.court === command.data.court) return [];
        throw FileErrors.conflict('hearing_exists', 'Another hearing has this id');
      }
      return [{ type: 'HearingScheduled', data: { ...command.data, ...stamp } }];
    }
    case 'RescheduleHearing': {
      instant(command.data.startsAt);
      const hearing = scheduled(state, command.data.hearingId);
      if (hearing.startsAt === command.data.startsAt) return [];
      return [{ type: 'HearingRescheduled', data: { ...command.data, ...stamp } }];
    }
    case 'CancelHearing':
      scheduled(state, command.data.hearingId);
      return [{ type: 'HearingCancelled', data: { ...command.data, ...stamp } }];
    case 'RecordHearingHeld': {
      const hearing = scheduled(state, command.data.hearingId);
      if (Date.parse(hearing.startsAt) > command.metadata.now.getTime())
        throw invalid('hearing_in_future', 'A hearing is held on or after its date');
      return [{ type: 'HearingHeld', data: { ...command.data, ...stamp } }];
    }
    case 'RecordJudgment': {
      const d = command.data;
      days(d.on, d.finalOn);
      if (state.judgments[d.judgmentId]) return [];
      if (d.final !== (d.finalOn !== undefined) || (d.finalOn && d.finalOn < d.on))
        throw invalid(
          'judgment_final_date',
          'A final judgment says when it became final, on or after its date',
        );
      if (
        d.awardCents !== undefined &&
        (!d.civilParty || !Number.isSafeInteger(d.awardCents) || d.awardCents < 0)
      )
        throw invalid('judgment_award', 'An award is whole cents, to a civil party');
      if (d.onAppealOf) known(state, d.onAppealOf);
      return [{ type: 'JudgmentRecorded', data: { ...d, ...stamp } }];
    }
    case 'RecordJudgmentFinal': {
      days(command.data.finalOn);
      const judgment = known(state, command.data.judgmentId);
      if (judgment.final) return [];
      if (judgment.appealed)
        throw FileErrors.conflict('judgment_appealed', 'An appealed judgment does not become final');
      if (command.data.finalOn < judgment.on)
        throw invalid('judgment_final_date', 'Final on or after its date');
      return [{ type: 'JudgmentBecameFinal', data: { ...command.data, ...stamp } }];
    }
    case 'RecordAppeal': {
      days(command.data.on);
      const judgment = known(state, command.data.judgmentId);
      if (judgment.final) throw FileErrors.conflict('judgment_final', 'A final judgment cannot be appealed');
      if (judgment.appealed) return [];
      return [{ type: 'AppealLodged', data: { ...command.data, ...stamp } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Hearings still to come or to record: they hold a closure for the office manager's approval. */
export const openHearings = (state: ProcedureState): Hearing[] =>
  Object.values(state.hearings).filter((h) => h.status === 'scheduled');

/** The facts the compensation deadlines run from. */
export function compensationFacts(state: ProcedureState) {
  const finals = Object.values(state.judgments).filter((j) => j.final && j.finalOn);
  const lastFinal = finals
    .map((j) => j.finalOn as Day)
    .sort()
    .at(-1);
  const prosecuted =
    state.prosecution?.decision === 'prosecution' ||
    state.prosecution?.decision === 'judicial-investigation' ||
    Object.keys(state.judgments).length > 0;
  const awarded = finals
    .filter((j) => j.civilParty && (j.awardCents ?? 0) > 0)
    .sort((a, b) => (a.finalOn as Day).localeCompare(b.finalOn as Day));
  return {
    offenceOn: state.complaint?.offenceOn,
    prosecuted,
    lastFinalDecisionOn: lastFinal,
    awarded: awarded.at(-1),
  };
}
