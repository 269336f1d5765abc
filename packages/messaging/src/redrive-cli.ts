// Re-drives a topic's dead letters: `node packages/messaging/src/redrive-cli.ts <topic> [--group id] [--limit n]`
import { parseArgs } from 'node:util';
import { createMessaging } from './messaging.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { group: { type: 'string' }, limit: { type: 'string' } },
});
const topic = positionals[0];
const brokers = process.env['KAFKA_BROKERS']?.split(',').filter(Boolean);
if (!topic || !brokers?.length) {
  process.stderr.write(
    'usage: KAFKA_BROKERS=host:port node packages/messaging/src/redrive-cli.ts <topic> [--group id] [--limit n]\n',
  );
  process.exit(2);
}

const messaging = createMessaging({ brokers, clientId: 'parcours-redrive' });
try {
  const count = await messaging.redriveDeadLetters({
    topic,
    groupId: values.group,
    limit: values.limit === undefined ? undefined : Number(values.limit),
  });
  process.stdout.write(`${count} message(s) re-driven from ${topic}.dlq to ${topic}\n`);
} finally {
  await messaging.disconnect();
}
