import { deciderSpec } from '@parcours/testing';
import { expect, it } from 'vitest';
import { at, mediatorActor, rejection } from '../test-builders.ts';
import { type AddRoom, roomsDecider } from './decide.ts';
import type { RoomsEvent } from './rooms.ts';

const spec = deciderSpec(roomsDecider);
const data = {
  officeId: 'office-75-bav',
  associationId: 'asso-75',
  roomId: 'room-1',
  name: 'Salle 1',
  capacity: 4,
};
const add = (overrides: Partial<AddRoom['data']> = {}): AddRoom => ({
  type: 'AddRoom',
  data: { ...data, ...overrides },
  metadata: mediatorActor,
});
const added: RoomsEvent = { type: 'RoomAdded', data: { ...data, by: 'med-1', at } };
const close = {
  type: 'CloseRoom' as const,
  data: { officeId: 'office-75-bav', roomId: 'room-1' },
  metadata: mediatorActor,
};

it('adds a room to its office once, seating the mediator and at least one party', () => {
  spec.given([]).when(add()).then([added]);
  spec.given([added]).when(add()).then([]);
  expect(rejection(spec.given([added]).when(add({ capacity: 6 })).events)).toMatchObject({
    code: 'room_exists',
  });
  expect(rejection(spec.given([]).when(add({ capacity: 1 })).events)).toMatchObject({
    code: 'invalid_capacity',
  });
});

it('closes a room once', () => {
  const closed: RoomsEvent = {
    type: 'RoomClosed',
    data: { officeId: 'office-75-bav', roomId: 'room-1', by: 'med-1', at },
  };
  spec.given([added]).when(close).then([closed]);
  spec.given([added, closed]).when(close).then([]);
  expect(rejection(spec.given([]).when(close).events)).toMatchObject({ code: 'room_not_found', status: 404 });
});
