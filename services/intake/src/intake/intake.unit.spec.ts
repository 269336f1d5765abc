import { describe, expect, it } from 'vitest';
import { evolve, type IntakeEvent, initialState, missingForOrientation } from './intake.ts';
import { at, helplineRecorded, profile, readyEvent } from './test-builders.ts';

const fold = (events: IntakeEvent[]) => events.reduce(evolve, initialState());

describe('intake evolve', () => {
  it('starts empty, opens on IntakeRecorded, then becomes ready', () => {
    expect(initialState()).toEqual({ status: 'none' });
    const open = fold([helplineRecorded()]);
    expect(open.status).toBe('open');
    const ready = fold([helplineRecorded(), readyEvent()]);
    expect(ready).toMatchObject({ status: 'ready', readyAt: at });
  });

  it('keeps the consent override with its actor, and the consent recorded later', () => {
    const state = fold([
      helplineRecorded('callback-needed', {
        profile: profile({ consent: { services: false, sharing: false } }),
      }),
      { type: 'ConsentOverridden', data: { intakeId: 'intake-1', reason: 'Danger', by: 'l-2', at } },
      {
        type: 'ConsentRecorded',
        data: { intakeId: 'intake-1', consent: { services: true, sharing: true }, by: 'l-2', at },
      },
    ]);
    expect(state.status).toBe('open');
    if (state.status === 'none') throw new Error('unreachable');
    expect(state.intake.consentOverride).toEqual({ reason: 'Danger', by: 'l-2', at });
    expect(state.intake.profile.consent).toEqual({ services: true, sharing: true });
  });

  it('a merged intake stays merged', () => {
    const state = fold([
      helplineRecorded(),
      { type: 'IntakeMerged', data: { intakeId: 'intake-1', into: 'intake-2', by: 'x', at } },
      readyEvent(),
    ]);
    expect(state).toMatchObject({ status: 'merged', into: 'intake-2' });
  });

  it('names what orientation is missing', () => {
    const state = fold([
      helplineRecorded('callback-needed', { profile: profile({ residence: { countryCode: 'FR' } }) }),
    ]);
    if (state.status === 'none') throw new Error('unreachable');
    expect(missingForOrientation(state.intake)).toEqual(['residence.postcode', 'residence.communeCode']);
  });
});
