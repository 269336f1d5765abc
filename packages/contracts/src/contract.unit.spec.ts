import { describe, expect, it } from 'vitest';
import { createContractRegistry, UnknownEventTypeError } from './contract.ts';
import { integrationEvents } from './registry.ts';
import { defineTestEvent } from './test-events.ts';
import { Topics } from './topics.ts';

describe('contract registry', () => {
  it('finds the contracts by type and knows the intake contract and its topic', () => {
    const contract = integrationEvents.require('fr.parcours.intake.ready-for-orientation.v1');
    expect(contract.topic).toBe(Topics.intake);
  });

  it('rejects an unknown type with a typed error', () => {
    expect(integrationEvents.get('fr.parcours.nope.v1')).toBeUndefined();
    expect(() => integrationEvents.require('fr.parcours.nope.v1')).toThrow(UnknownEventTypeError);
  });

  it('refuses a type defined twice', () => {
    expect(() => createContractRegistry([defineTestEvent('a.v1'), defineTestEvent('b.v1')])).toThrow(/twice/);
  });

  it('reports a wrong root type at path "/"', () => {
    expect(defineTestEvent('t.v1').validate('nope')).toEqual([{ path: '/', message: expect.any(String) }]);
  });
});
