// The contender that divides the machine out of the opening figure: a bare kafkajs consumer in its
// own process (as the service is) that INSERTs one row per message, in autocommit, into a table of
// the bench's database. No event store, no inbox, no decider, no reactions: what Kafka and
// PostgreSQL alone cost on this machine at this moment. The driver (run.ts) starts it, waits for
// "ready" on its stdout, sends the same acceptances at the same rate, and watches the table.
//
//   node bench/followup/contender.ts <database url> <brokers> <topic> <table>
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

const [url, brokers, topic, table] = process.argv.slice(2);
if (!url || !brokers || !topic || !table)
  throw new Error('usage: contender.ts <url> <brokers> <topic> <table>');

const pool = new pg.Pool({ connectionString: url, max: 4 });
await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (case_id text PRIMARY KEY, at timestamptz NOT NULL)`);
const kafka = new Kafka({
  clientId: 'bench-followup-contender',
  brokers: brokers.split(','),
  logLevel: logLevel.ERROR,
});
const consumer = kafka.consumer({ groupId: `${table}-group`, maxWaitTimeInMs: 5 });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write('ready\n'));
await consumer.run({
  partitionsConsumedConcurrently: 3,
  eachMessage: async ({ message }) => {
    // A CloudEvent in binary mode: the value is the event's data, its attributes are headers.
    const data = JSON.parse(message.value!.toString()) as { caseId: string };
    await pool.query(`INSERT INTO ${table} (case_id, at) VALUES ($1, now()) ON CONFLICT DO NOTHING`, [
      data.caseId,
    ]);
  },
});

const stop = async () => {
  await consumer.disconnect().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
