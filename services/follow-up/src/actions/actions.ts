import { ActionChannels, ActionKinds } from '@parcours/contracts';
import type { Event } from '@parcours/eventstore';
import type { Cmd, Envelope, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';
import type { ActiveFile } from '../file/file.ts';

export type ActionKind = (typeof ActionKinds)[number];
export const OrientationTargets = [
  'lawyer',
  'health-service',
  'social-services',
  'another-association',
  'other',
] as const;

export interface SupportAction {
  actionId: string;
  kind: ActionKind;
  /** When it took place. */
  on: string;
  durationMinutes: number;
  channel: (typeof ActionChannels)[number];
  /** Who took part (staff ids of the office's roster). */
  staffIds: string[];
  /** What was said or done, encrypted for the victim outside decide (erasure shreds it); null when nothing was written. */
  note: Envelope | null;
  /** Required for a compensation file. */
  scheme?: 'civi' | 'sarvi';
  /** Required for an orientation. */
  orientedTo?: (typeof OrientationTargets)[number];
  /** The hearing an accompaniment was for. */
  hearingId?: string;
}

export type SupportActionRecorded = Event<'SupportActionRecorded', SupportAction & Stamp>;
export type ActionEvent = SupportActionRecorded;

/** Ids for idempotency, counts for the file's header: the actions themselves are a read model's. */
export interface ActionsState {
  ids: string[];
  byKind: Partial<Record<ActionKind, number>>;
}
export const initialActions = (): ActionsState => ({ ids: [], byKind: {} });

export function evolveActions(state: ActionsState, event: ActionEvent): ActionsState {
  const kind = event.data.kind;
  return {
    ids: [...state.ids, event.data.actionId],
    byKind: { ...state.byKind, [kind]: (state.byKind[kind] ?? 0) + 1 },
  };
}

export type RecordSupportAction = Cmd<'RecordSupportAction', SupportAction>;
export type ActionCommand = RecordSupportAction;

export const maxActionMinutes = 600;

export function decideActions(command: ActionCommand, file: ActiveFile): ActionEvent[] {
  const action = command.data;
  if (file.actions.ids.includes(action.actionId)) return [];
  const invalid = FileErrors.invalid;
  const on = Date.parse(action.on);
  if (Number.isNaN(on) || on > command.metadata.now.getTime())
    throw invalid('action_date', 'An action is recorded once it took place');
  if (
    !Number.isInteger(action.durationMinutes) ||
    action.durationMinutes < 1 ||
    action.durationMinutes > maxActionMinutes
  )
    throw invalid('action_duration', `A duration is 1 to ${maxActionMinutes} whole minutes`);
  if (action.staffIds.length === 0) throw invalid('action_staff', 'Say who took part');
  if (action.kind === 'compensation-file' && !action.scheme)
    throw invalid('action_scheme_required', 'A compensation file names its scheme (CIVI or SARVI)');
  if (action.kind === 'orientation' && !action.orientedTo)
    throw invalid('action_orientation_required', 'An orientation says towards whom');
  if (action.hearingId && !file.procedure.hearings[action.hearingId])
    throw invalid('hearing_not_found', 'No such hearing in this file');
  return [{ type: 'SupportActionRecorded', data: { ...action, ...stampOf(command.metadata) } }];
}

export { ActionChannels, ActionKinds };
