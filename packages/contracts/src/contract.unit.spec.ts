import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { createContractRegistry, defineIntegrationEvent, UnknownEventTypeError } from './contract.ts';
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

describe('contract validation', () => {
  const contract = defineTestEvent('t.v1');
  const valid = { caseId: 'case-1', step: 1, note: 'é ✓ 😀' };

  it('accepts exactly the schema, text outside the Basic Multilingual Plane included', () => {
    expect(contract.validate(valid)).toEqual([]);
  });

  it.each([
    ['a NUL character', 'before\u0000after'],
    ['a high surrogate without its pair', 'x\uD83D'],
    ['a low surrogate without its pair', '\uDE00x'],
    ['surrogates in the wrong order', '\uDE00\uD83D'],
  ])('refuses text PostgreSQL cannot store (%s), naming the field and not the text', (_, note) => {
    const errors = contract.validate({ ...valid, note });
    expect(errors).toEqual([{ path: '/note', message: expect.stringMatching(/NUL|surrogate/) }]);
    expect(JSON.stringify(errors)).not.toContain(note);
  });

  it('names the field at any depth, in arrays too', () => {
    const nested = defineIntegrationEvent({
      type: 'fr.parcours.test.nested.v1',
      topic: 't.v1',
      source: '/parcours/test',
      summary: 'nested',
      schema: Type.Object({ lines: Type.Array(Type.Object({ text: Type.String() })) }),
    });
    expect(nested.validate({ lines: [{ text: 'ok' }, { text: 'a\u0000' }] })).toEqual([
      { path: '/lines/1/text', message: expect.any(String) },
    ]);
  });
});
