import type { Decider } from '@parcours/eventstore';
import type { Cmd } from '../command.ts';
import { MediationErrors } from '../errors.ts';
import { evolveRooms, initialRoomsState, type OfficeRooms, type RoomsEvent } from './rooms.ts';

export type AddRoom = Cmd<
  'AddRoom',
  { officeId: string; associationId: string; roomId: string; name: string; capacity: number }
>;
export type CloseRoom = Cmd<'CloseRoom', { officeId: string; roomId: string }>;
export type RoomsCommand = AddRoom | CloseRoom;

export function decideRooms(command: RoomsCommand, state: OfficeRooms): RoomsEvent[] {
  const by = command.metadata.actor.id;
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'AddRoom': {
      const { roomId, name, capacity, associationId } = command.data;
      const existing = state.rooms[roomId];
      if (existing) {
        if (
          existing.name === name &&
          existing.capacity === capacity &&
          existing.associationId === associationId
        )
          return [];
        throw MediationErrors.exists('room');
      }
      if (!Number.isInteger(capacity) || capacity < 2)
        throw MediationErrors.invalid(
          'invalid_capacity',
          'A room seats at least the mediator and one party',
          [{ field: '/body/capacity', message: 'invalid_capacity' }],
        );
      return [{ type: 'RoomAdded', data: { ...command.data, by, at } }];
    }
    case 'CloseRoom': {
      const room = state.rooms[command.data.roomId];
      if (!room) throw MediationErrors.notFound('room');
      return room.open ? [{ type: 'RoomClosed', data: { ...command.data, by, at } }] : [];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export const roomsDecider: Decider<RoomsCommand, RoomsEvent, OfficeRooms> = {
  initialState: initialRoomsState,
  evolve: evolveRooms,
  decide: decideRooms,
};
