import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { buildAsyncApiDocument } from './asyncapi.ts';
import { createContractRegistry } from './contract.ts';
import { IntakeReadyForOrientationV2 } from './intake/ready-for-orientation.ts';
import { integrationEvents } from './registry.ts';
import { defineTestEvent } from './test-events.ts';
import { Topics } from './topics.ts';

// DiagnosticSeverity.Error in @stoplight/types
const ERROR = 0;

async function parse(document: unknown) {
  const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
  return { parsed, errors: diagnostics.filter((d) => d.severity === ERROR) };
}

// The parser runs Spectral's rules over the whole document: seconds on a busy machine, so more than
// Vitest's default 5 s bound for each test.
describe('AsyncAPI document', { timeout: 30_000 }, () => {
  it('is valid AsyncAPI 3.0 and describes every registered contract', async () => {
    const { parsed, errors } = await parse(buildAsyncApiDocument());
    expect(errors).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');

    for (const contract of integrationEvents.all()) {
      const channel = parsed!
        .channels()
        .all()
        .find((c) => c.address() === contract.topic);
      expect(channel, contract.topic).toBeDefined();
      const message = channel!
        .messages()
        .all()
        .find((m) => m.name() === contract.type);
      expect(message, contract.type).toBeDefined();
      expect(message!.headers()?.required()).toContain('ce_type');
      // A case's events carry its id; the directory's, the entity's (reference data, no case).
      const key = contract.topic === Topics.directory ? 'at' : 'caseId';
      expect(message!.payload()?.properties()).toHaveProperty(key);
    }
    const intake = parsed!
      .operations()
      .all()
      .find((o) => o.messages().all()[0]?.name() === IntakeReadyForOrientationV2.type);
    expect(intake?.action()).toBe('send');
  });

  it('puts several contracts of one topic on one channel', async () => {
    const other = defineTestEvent(IntakeReadyForOrientationV2.topic);
    const registry = createContractRegistry([IntakeReadyForOrientationV2, other]);
    const { parsed, errors } = await parse(buildAsyncApiDocument(registry));
    expect(errors).toEqual([]);
    expect(parsed!.channels().all()).toHaveLength(1);
    expect(parsed!.channels().all()[0]!.messages().all()).toHaveLength(2);
  });
});
