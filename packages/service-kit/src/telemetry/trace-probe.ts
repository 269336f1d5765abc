// A consumer in its own process, for trace-propagation.e2e.spec.ts: it prints, for every event it
// handles, the trace id of the span it handled it in. Arguments: <topic> <group id>.
import { trace } from '@opentelemetry/api';
import { startTelemetry } from './sdk.ts';

startTelemetry({ serviceName: 'trace-probe', instrumentations: [] });
const { createContractRegistry, defineTestEvent } = await import('@parcours/contracts');
const { createMessaging } = await import('@parcours/messaging');

const [topic, groupId] = process.argv.slice(2);
if (!topic || !groupId) throw new Error('usage: trace-probe.ts <topic> <group id>');
const messaging = createMessaging({
  brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  clientId: 'trace-probe',
  registry: createContractRegistry([defineTestEvent(topic)]),
});
const consumer = await messaging.startConsumer({
  groupId,
  topics: [topic],
  fromBeginning: true,
  handler: async (event) => {
    const span = trace.getActiveSpan();
    console.log(JSON.stringify({ eventId: event.id, traceId: span?.spanContext().traceId }));
  },
});
console.log(JSON.stringify({ ready: true }));
process.once('SIGTERM', async () => {
  await consumer.stop();
  await messaging.disconnect();
  process.exit(0);
});
