import type { Decider, Event } from '@parcours/eventstore';
import { assertCan } from '../access.ts';
import type { Cmd, Place, Stamp } from '../command.ts';
import { stampOf } from '../command.ts';
import { FileErrors } from '../file/errors.ts';

/**
 * An office's staff, kept by its office manager: who works there, in which role, and how many
 * open files each may hold. The caseload (open files per person) is a read model; the commands
 * that need it carry it.
 */
export const StaffRoles = [
  'jurist',
  'psychologist',
  'social-worker',
  'volunteer',
  'office-manager',
  'other',
] as const;
export type StaffRole = (typeof StaffRoles)[number];
export const maxCapacity = 500;

export interface StaffMember {
  staffId: string;
  role: StaffRole;
  capacity: number;
}

export type StaffMemberAdded = Event<'StaffMemberAdded', Place & StaffMember & Stamp>;
export type StaffMemberChanged = Event<'StaffMemberChanged', StaffMember & Stamp>;
export type StaffMemberRemoved = Event<'StaffMemberRemoved', { staffId: string } & Stamp>;
export type RosterEvent = StaffMemberAdded | StaffMemberChanged | StaffMemberRemoved;

export type RosterState = { place?: Place; staff: Record<string, StaffMember> };
export const initialRoster = (): RosterState => ({ staff: {} });
export const rosterStreamId = (officeId: string) => `followup-roster-${officeId}`;

export function evolveRoster(state: RosterState, event: RosterEvent): RosterState {
  switch (event.type) {
    case 'StaffMemberAdded': {
      const { associationId, officeId, staffId, role, capacity } = event.data;
      return {
        place: { associationId, officeId },
        staff: { ...state.staff, [staffId]: { staffId, role, capacity } },
      };
    }
    case 'StaffMemberChanged': {
      const { staffId, role, capacity } = event.data;
      return { ...state, staff: { ...state.staff, [staffId]: { staffId, role, capacity } } };
    }
    case 'StaffMemberRemoved': {
      const { [event.data.staffId]: _removed, ...staff } = state.staff;
      return { ...state, staff };
    }
  }
}

/** The office is named by the first command (the stream is the office's); later ones must match. */
export type AddStaffMember = Cmd<'AddStaffMember', Place & StaffMember>;
export type ChangeStaffMember = Cmd<'ChangeStaffMember', Place & StaffMember>;
/** `openFiles`: the member's caseload, from the read model; nobody leaves with files to reassign. */
export type RemoveStaffMember = Cmd<'RemoveStaffMember', Place & { staffId: string; openFiles: number }>;
export type RosterCommand = AddStaffMember | ChangeStaffMember | RemoveStaffMember;

function member(data: StaffMember): StaffMember {
  if (!Number.isInteger(data.capacity) || data.capacity < 0 || data.capacity > maxCapacity)
    throw FileErrors.invalid('capacity_invalid', `A capacity is 0 to ${maxCapacity} open files`);
  return { staffId: data.staffId, role: data.role, capacity: data.capacity };
}

export function decideRoster(command: RosterCommand, state: RosterState): RosterEvent[] {
  const { associationId, officeId, staffId } = command.data;
  const place = { associationId, officeId };
  if (state.place && (state.place.associationId !== associationId || state.place.officeId !== officeId))
    throw FileErrors.invalid('roster_office', 'This roster belongs to another office');
  assertCan(command.metadata.actor, 'roster:manage', place);
  const stamp = stampOf(command.metadata);
  const current = state.staff[staffId];
  switch (command.type) {
    case 'AddStaffMember': {
      const added = member(command.data);
      if (current) {
        if (JSON.stringify(current) === JSON.stringify(added)) return [];
        throw FileErrors.conflict('staff_exists', 'This person is on the roster already: change their entry');
      }
      return [{ type: 'StaffMemberAdded', data: { ...place, ...added, ...stamp } }];
    }
    case 'ChangeStaffMember': {
      const changed = member(command.data);
      if (!current) throw FileErrors.invalid('staff_not_found', 'This person is not on the roster');
      if (JSON.stringify(current) === JSON.stringify(changed)) return [];
      return [{ type: 'StaffMemberChanged', data: { ...changed, ...stamp } }];
    }
    case 'RemoveStaffMember':
      if (!current) return [];
      if (command.data.openFiles > 0)
        throw FileErrors.conflict(
          'staff_has_open_files',
          `Reassign their ${command.data.openFiles} open files first`,
        );
      return [{ type: 'StaffMemberRemoved', data: { staffId, ...stamp } }];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const rosterDecider: Decider<RosterCommand, RosterEvent, RosterState> = {
  initialState: initialRoster,
  evolve: evolveRoster,
  decide: decideRoster,
};
