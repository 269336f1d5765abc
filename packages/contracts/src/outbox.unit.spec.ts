import { describe, expect, it } from 'vitest';
import type { IntegrationEventContract } from './contract.ts';
import { IntegrationEventInvalidError, toOutboxMessage } from './outbox.ts';
import { defineTestEvent } from './test-events.ts';

const contract = defineTestEvent('t.v1');
const row = { topic: 't.v1', subject: 'case-1', time: new Date('2025-03-04T10:11:12.000Z') };

describe('toOutboxMessage', () => {
  it('builds the row: the contract’s event, the subject as key, the trace context', () => {
    const message = toOutboxMessage(contract, {
      ...row,
      data: { caseId: 'case-1', step: 1 },
      traceparent: 'tp',
    });
    expect(message).toMatchObject({
      topic: 't.v1',
      key: 'case-1',
      headers: { traceparent: 'tp' },
      event: {
        id: message.id,
        type: contract.type,
        source: contract.source,
        subject: 'case-1',
        time: '2025-03-04T10:11:12.000Z',
        data: { caseId: 'case-1', step: 1 },
      },
    });
  });

  // The @ts-expect-error lines are the compile-time half of the test: `pnpm typecheck` fails if
  // such data compiles. The runtime half catches what a cast would let through.
  it('takes only data of its contract: checked when it compiles, refused when it runs', () => {
    const undeclared = () =>
      // @ts-expect-error a property the contract does not declare
      toOutboxMessage(contract, { ...row, data: { caseId: 'case-1', step: 1, victimName: 'Jeanne' } });
    expect(undeclared).toThrow(IntegrationEventInvalidError);
    // @ts-expect-error a property of the wrong type
    const wrongType = () => toOutboxMessage(contract, { ...row, data: { caseId: 'case-1', step: '1' } });
    expect(wrongType).toThrow(/\/step/);
  });

  it('will not build from a contract known only by its registry type (its data could not be checked)', () => {
    const widened: IntegrationEventContract = contract;
    // @ts-expect-error the data of a contract whose schema is only known as TSchema is `never`
    expect(toOutboxMessage(widened, { ...row, data: { caseId: 'case-1', step: 1 } }).key).toBe('case-1');
  });
});
