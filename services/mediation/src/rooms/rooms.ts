import type { Event } from '@parcours/eventstore';

/** A room of an office where mediations take place. */
export interface Room {
  roomId: string;
  officeId: string;
  associationId: string;
  name: string;
  /** People it seats, the mediator included. */
  capacity: number;
  open: boolean;
}

type Act<Type extends string, Data> = Event<Type, Data & { officeId: string; by: string; at: string }>;

export type RoomAdded = Act<
  'RoomAdded',
  { associationId: string; roomId: string; name: string; capacity: number }
>;
export type RoomClosed = Act<'RoomClosed', { roomId: string }>;
export type RoomsEvent = RoomAdded | RoomClosed;

/** The rooms of one office: one stream per office, so room ids are unique within it. */
export interface OfficeRooms {
  rooms: Record<string, Room>;
}

export const initialRoomsState = (): OfficeRooms => ({ rooms: {} });
export const roomsStreamId = (officeId: string) => `mediation-rooms-${officeId}`;

export function evolveRooms(state: OfficeRooms, event: RoomsEvent): OfficeRooms {
  switch (event.type) {
    case 'RoomAdded': {
      const { officeId, associationId, roomId, name, capacity } = event.data;
      const room = { roomId, officeId, associationId, name, capacity, open: true };
      return { rooms: { ...state.rooms, [roomId]: room } };
    }
    case 'RoomClosed': {
      const room = state.rooms[event.data.roomId];
      return room ? { rooms: { ...state.rooms, [room.roomId]: { ...room, open: false } } } : state;
    }
  }
}
