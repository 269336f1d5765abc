import { deciderSpec } from '@parcours/testing';
import { describe, it } from 'vitest';
import { as, at, bav, caseworker, manager, people, refuses } from '../test-builders.ts';
import { type RosterCommand, type RosterEvent, rosterDecider, type StaffMember } from './roster.ts';

const spec = deciderSpec(rosterDecider);
const jurist: StaffMember = { staffId: 'cw-1', role: 'jurist', capacity: 30 };
const add = (metadata = manager, data = jurist): RosterCommand => ({
  type: 'AddStaffMember',
  data: { ...bav, ...data },
  metadata,
});
const added: RosterEvent = { type: 'StaffMemberAdded', data: { ...bav, ...jurist, by: 'om-1', at } };

describe('roster', () => {
  it('is kept by the office manager: add, change, remove', () => {
    spec.given([]).when(add()).then([added]);
    spec.given([added]).when(add()).then([]);
    spec
      .given([added])
      .when({ type: 'ChangeStaffMember', data: { ...bav, ...jurist, capacity: 20 }, metadata: manager })
      .then([{ type: 'StaffMemberChanged', data: { ...jurist, capacity: 20, by: 'om-1', at } }]);
    spec
      .given([added])
      .when({ type: 'RemoveStaffMember', data: { ...bav, staffId: 'cw-1', openFiles: 0 }, metadata: manager })
      .then([{ type: 'StaffMemberRemoved', data: { staffId: 'cw-1', by: 'om-1', at } }]);
  });

  it('refuses a second entry for the same person, an unknown one, a capacity out of range', () => {
    refuses(spec.given([added]).when(add(manager, { ...jurist, role: 'psychologist' })), 'staff_exists', 409);
    refuses(
      spec.given([]).when({ type: 'ChangeStaffMember', data: { ...bav, ...jurist }, metadata: manager }),
      'staff_not_found',
      422,
    );
    for (const capacity of [-1, 501, 2.5])
      refuses(spec.given([]).when(add(manager, { ...jurist, capacity })), 'capacity_invalid', 422);
  });

  it('keeps someone with open files until they are reassigned', () => {
    refuses(
      spec.given([added]).when({
        type: 'RemoveStaffMember',
        data: { ...bav, staffId: 'cw-1', openFiles: 4 },
        metadata: manager,
      }),
      'staff_has_open_files',
      409,
    );
  });

  it('is the office manager’s of this office (or the association manager’s), nobody else’s', () => {
    spec
      .given([])
      .when(add(as(people.associationManager)))
      .events();
    for (const who of [caseworker, as(people.otherManager), as(people.admin), as(people.auditor)])
      refuses(spec.given([]).when(add(who)), 'follow_up_forbidden', 403);
    refuses(
      spec.given([added]).when({
        type: 'AddStaffMember',
        data: { ...bav, officeId: 'office-75-other', ...jurist },
        metadata: manager,
      }),
      'roster_office',
      422,
    );
  });
});
