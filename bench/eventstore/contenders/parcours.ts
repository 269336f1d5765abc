import { randomUUID } from 'node:crypto';
import {
  Database,
  type Decider,
  EventStore,
  eventStoreMigrations,
  handleCommand,
  type OutboxMessage,
} from '@parcours/eventstore';
import { type BenchEvent, commandEvents, integrationEvent, type Scenario } from '../workload.ts';
import { type Cell, type Contender, seed, streamsFor } from './types.ts';

export const INTAKE_TOPIC_ENV = 'BENCH_TOPIC';

/** The integration event of a command, as the command handler puts it in the outbox. */
export function outboxFor(caseId: string, topic: string): OutboxMessage[] {
  const event = integrationEvent(caseId);
  return [
    {
      id: event.id,
      topic,
      key: caseId,
      event,
      headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    },
  ];
}

interface CaseState {
  version: number;
  urgency: unknown;
}

/** A minimal case aggregate: folds the history, decides `count` new events. */
function caseDecider(count: number): Decider<{ caseId: string }, BenchEvent, CaseState> {
  return {
    initialState: () => ({ version: 0, urgency: undefined }),
    evolve: (state, event) => ({
      version: state.version + 1,
      urgency: event.data['urgency'] ?? state.urgency,
    }),
    decide: (command) => commandEvents(command.caseId, count),
  };
}

/** Parcours' event store: appendToStream, and handleCommand for commands on existing streams. */
export function parcours(url: string, topic: string): Contender {
  let migrated = false;
  return {
    name: 'parcours',
    async prepare(scenario: Scenario, writers: number, poolSize: number): Promise<Cell> {
      if (!migrated) {
        const setup = await Database.connect({ url, poolSize: 1, migrations: [...eventStoreMigrations] });
        await setup.close();
        migrated = true;
      }
      const db = await Database.connect({ url, poolSize, applicationName: 'bench-parcours' });
      const store = new EventStore(db);
      const create = async (caseId: string) => {
        await store.appendToStream(caseId, commandEvents(caseId, scenario.events), {
          expectedVersion: 0,
          outbox: outboxFor(caseId, topic),
        });
      };
      if (!scenario.existing) {
        return {
          command: () => create(`case-${randomUUID()}`),
          close: () => db.close(),
        };
      }
      const streams = streamsFor(writers, Number(process.env['BENCH_STREAMS'] ?? 1024));
      await seed(streams, poolSize, create);
      const decider = caseDecider(scenario.events);
      return {
        async command(worker, seq) {
          const own = streams[worker] as string[];
          const caseId = own[seq % own.length] as string;
          await handleCommand(store, caseId, decider, { caseId }, { outbox: () => outboxFor(caseId, topic) });
        },
        close: () => db.close(),
      };
    },
  };
}
