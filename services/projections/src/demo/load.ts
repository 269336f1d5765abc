import type { Database } from '@parcours/eventstore';
import type { Geography } from '@parcours/geography';
import { appendToLog, toLogEvent } from '../log/log.ts';
import { Rebuilds } from '../rebuild/rebuild.ts';
import { type DemoOptions, demoJourneys, demoNetwork, officeEvents } from './generator.ts';

export interface DemoProgress {
  phase: 'log' | 'views';
  done: number;
  total: number;
}

const SLICE = 2_000;

/**
 * Loads the demo year into the log, then folds the views from it (the same path as a rebuild):
 * the events are the integration events the services would publish, appended without going through
 * Kafka (millions of them: the log is the projections' own source). Returns how many events.
 */
export async function loadDemo(
  db: Database,
  geography: Geography,
  options: DemoOptions,
  progress: (p: DemoProgress) => void = () => undefined,
): Promise<number> {
  const offices = demoNetwork(geography, options);
  const topicOf = (type: string) => `${type.split('.')[2]}.events.v1`;
  let events = 0;
  const append = async (batch: ReturnType<typeof officeEvents>) => {
    await db.transaction((tx) =>
      appendToLog(
        tx,
        batch.map((event) => toLogEvent(topicOf(event.type), event)),
      ),
    );
    events += batch.length;
  };
  await append(officeEvents(offices, options.year));
  for (let from = 0; from < options.victims; from += SLICE) {
    const to = Math.min(options.victims, from + SLICE);
    await append([...demoJourneys(offices, options, from, to)].flat());
    progress({ phase: 'log', done: to, total: options.victims });
  }
  const rebuilds = new Rebuilds(db, geography);
  for (const view of ['directory', 'cases'] as const) {
    const watch = setInterval(() => {
      void rebuilds.status().then((views) => {
        const status = views.find((v) => v.name === view);
        if (status) progress({ phase: 'views', done: status.processed, total: status.total });
      });
    }, 1_000);
    try {
      await rebuilds.run(view);
    } finally {
      clearInterval(watch);
    }
  }
  progress({ phase: 'views', done: events, total: events });
  return events;
}

/** A progress bar on one terminal line. */
export function progressBar({ phase, done, total }: DemoProgress): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const what = phase === 'log' ? 'victims logged' : 'events folded';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((done / Math.max(total, 1)) * 100)
    .toString()
    .padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${what}`;
}
