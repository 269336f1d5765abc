import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService('callbacks');
});
afterAll(async () => {
  await service?.close();
});

describe('callback queue', () => {
  it('lists callbacks by urgency then due time, and completes one', async () => {
    const helpline = await service.auth('helpline');
    const queue = async (body: object) =>
      (
        await service.app.inject({ method: 'POST', url: '/callbacks', payload: body, headers: helpline })
      ).json().taskId as string;
    const lowSoon = await queue({ source: 'email', urgency: 'low', dueAt: '2030-01-01T08:00:00Z' });
    const highLate = await queue({ source: 'voicemail', urgency: 'high', dueAt: '2030-01-01T12:00:00Z' });
    const highEarly = await queue({
      source: 'missed-call',
      urgency: 'high',
      dueAt: '2030-01-01T09:00:00Z',
      contact: { phone: '+33 6 11 22 33 44' },
    });
    const immediate = await queue({ source: 'missed-call', urgency: 'immediate' });
    // No catching up: the queue is written with the callbacks' events, so a listener sees at once.

    const list = await service.app.inject({ method: 'GET', url: '/callbacks', headers: helpline });
    expect(list.json().items.map((t: { taskId: string }) => t.taskId)).toEqual([
      immediate,
      highEarly,
      highLate,
      lowSoon,
    ]);
    const events = JSON.stringify(await service.module.db.query('SELECT data FROM es_events'));
    expect(events).not.toContain('11 22 33 44');

    const done = await service.app.inject({
      method: 'POST',
      url: `/callbacks/${highEarly}/complete`,
      payload: { outcome: 'reached' },
      headers: helpline,
    });
    expect(done.json()).toEqual({ taskId: highEarly, status: 'completed' });
    const twice = await service.app.inject({
      method: 'POST',
      url: `/callbacks/${highEarly}/complete`,
      payload: { outcome: 'reached' },
      headers: helpline,
    });
    expect(twice.statusCode).toBe(409);
    const open = await service.app.inject({ method: 'GET', url: '/callbacks', headers: helpline });
    expect(open.json().items.map((t: { taskId: string }) => t.taskId)).toEqual([
      immediate,
      highLate,
      lowSoon,
    ]);
    const completed = await service.app.inject({
      method: 'GET',
      url: '/callbacks?status=completed',
      headers: helpline,
    });
    expect(completed.json().items[0]).toMatchObject({ taskId: highEarly, outcome: 'reached' });

    const caseworker = await service.app.inject({
      method: 'GET',
      url: '/callbacks',
      headers: await service.auth('caseworker'),
    });
    expect(caseworker.statusCode).toBe(403);
  });
});
