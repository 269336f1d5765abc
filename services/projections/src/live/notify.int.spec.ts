import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardNotices } from './notify.ts';

let publisher: Redis;
let subscriber: Redis;
let channel: string;
const received: { officeId: string }[] = [];

beforeAll(async () => {
  publisher = new Redis(process.env['REDIS_URL']!);
  subscriber = new Redis(process.env['REDIS_URL']!);
  channel = `parcours:projections-test:${randomUUID()}`;
  subscriber.on('message', (_channel: string, message: string) =>
    received.push(JSON.parse(message) as { officeId: string }),
  );
  await subscriber.subscribe(channel);
});
afterAll(async () => {
  await subscriber?.quit();
  await publisher?.quit();
});

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const paris = { associationId: 'asso-75', officeId: 'office-75-bav' };
const lyon = { associationId: 'asso-69', officeId: 'office-69-lyon' };

describe('dashboard notices', () => {
  it('tell the first change at once, and gather those that follow into one notice per office', async () => {
    // An interval longer than the test's waits: what arrives before close() did not wait for it.
    const notices = new DashboardNotices(publisher, channel, 60_000);
    notices.changed([paris]);
    notices.changed([paris]);
    await until(() => received.length > 0, 'the first notice');

    notices.changed([paris, lyon]);
    notices.changed([lyon]);
    notices.changed([]);
    // Nothing more until the interval ends (here: the close, which sends what is gathered).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.map((notice) => notice.officeId)).toEqual(['office-75-bav']);

    await notices.close();
    await until(() => received.length > 2, 'the gathered notices');
    expect(received.map((notice) => notice.officeId)).toEqual([
      'office-75-bav',
      'office-75-bav',
      'office-69-lyon',
    ]);
    expect(received[2]).toEqual({
      resource: 'dashboard',
      change: 'updated',
      associationId: 'asso-69',
      officeId: 'office-69-lyon',
      scope: { national: false, associations: ['asso-69'], offices: ['office-69-lyon'] },
      at: expect.any(String),
    });
  });
});
