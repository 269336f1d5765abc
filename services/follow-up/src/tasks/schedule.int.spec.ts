import { randomUUID } from 'node:crypto';
import { MediationAgreedV1 } from '@parcours/contracts';
import type { DevUserName } from '@parcours/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverTo, openedFile, startTestService, type TestService } from '../test-support.ts';

let service: TestService;
// The scheduler's clock, moved by the tests: what is due fires when they say.
let offsetMs = 0;
beforeAll(async () => {
  service = await startTestService('schedule', { clock: () => new Date(Date.now() + offsetMs) });
});
afterAll(async () => {
  await service?.close();
});

const days = (n: number) => n * 86_400_000;
const call = async (
  method: 'GET' | 'POST',
  url: string,
  user: DevUserName = 'caseworker',
  payload?: object,
) => service.app.inject({ method, url, headers: await service.auth(user), ...(payload ? { payload } : {}) });
const file = async (fileId: string) => (await call('GET', `/files/${fileId}`)).json();
async function later(ms: number) {
  offsetMs += ms;
  await service.module.scheduler.fireDue();
}

describe('the file’s work on the shared schedule', () => {
  it('reminds before a task falls due, once, and lists it overdue for the office and the caseworker', async () => {
    const fileId = await openedFile(service);
    const roster = await service.app.inject({
      method: 'PUT',
      url: '/offices/office-75-bav/roster/dev-caseworker',
      headers: await service.auth('office-manager'),
      payload: { role: 'jurist', capacity: 100 },
    });
    expect(roster.statusCode).toBe(200);
    await call('POST', `/files/${fileId}/assign`, 'office-manager', { caseworkerId: 'dev-caseworker' });
    const dueAt = new Date(Date.now() + offsetMs + days(3)).toISOString();
    const task = await call('POST', `/files/${fileId}/tasks`, 'caseworker', { kind: 'call-back', dueAt });
    expect(task.statusCode).toBe(200);
    await later(days(1) + 60_000);
    // Fired once: polling again finds nothing more to send.
    await later(0);
    const reminded = await file(fileId);
    expect(reminded.tasks.reminders).toEqual([`task:${task.json().id}@${dueAt}-48`]);

    // Overdue lists read the wall clock: a task due an hour ago is overdue now.
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const late = await call('POST', `/files/${fileId}/tasks`, 'caseworker', { kind: 'other', dueAt: past });
    const office = (await call('GET', '/offices/office-75-bav/overdue', 'office-manager')).json();
    expect(office.items).toContainEqual(
      expect.objectContaining({ taskId: late.json().id, fileId, assigneeId: 'dev-caseworker' }),
    );
    const mine = (await call('GET', '/caseworkers/dev-caseworker/overdue')).json();
    expect(mine.items.map((i: { taskId: string }) => i.taskId)).toContain(late.json().id);
    expect((await call('GET', '/offices/office-75-bav/overdue', 'caseworker-69')).json().items).toEqual([]);
    await call('POST', `/files/${fileId}/tasks/${late.json().id}/complete`);
    const after = (await call('GET', '/caseworkers/dev-caseworker/overdue')).json();
    expect(after.items.map((i: { taskId: string }) => i.taskId)).not.toContain(late.json().id);
  });

  it('flags a file left without activity for the configured weeks', async () => {
    const fileId = await openedFile(service);
    await later(days(6 * 7) + 60_000);
    const flagged = await file(fileId);
    expect(flagged.flaggedInactiveSince).not.toBeNull();
    const list = (await call('GET', '/files?inactive=true', 'association-manager')).json();
    expect(list.items.map((f: { fileId: string }) => f.fileId)).toContain(fileId);
  });
});

describe('a mediation’s outcome', () => {
  it('reaches the file from mediation.events.v1, and its closure no longer waits for it', async () => {
    const fileId = await openedFile(service);
    const requested = await call('POST', `/files/${fileId}/mediation-request`, 'caseworker', {
      victimConsents: true,
    });
    const requestId = requested.json().id;
    const { caseId } = await file(fileId);
    const agreed = MediationAgreedV1.create({
      id: randomUUID(),
      subject: caseId,
      time: new Date(),
      data: {
        mandateId: randomUUID(),
        associationId: 'asso-75',
        officeId: 'office-75-bav',
        court: 'tj-paris',
        caseId,
        fileId,
        requestId,
        terms: { compensation: 1, apology: 0, restitution: 0, undertaking: 0 },
        compensationCents: 50_000,
        instalments: 1,
        lastDueDate: '2027-01-31',
        sessionsHeld: 2,
        at: new Date().toISOString(),
      },
    });
    const deliver = deliverTo(service);
    await deliver(agreed);
    await deliver(agreed);
    expect((await file(fileId)).mediation).toMatchObject({ open: false, outcome: 'agreement' });
    const closed = await call('POST', `/files/${fileId}/closure`, 'caseworker', {
      reason: 'support-completed',
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
  });
});

describe('the EVVI', () => {
  it('is requested, submitted, and its opinion read as a PDF (a logged read)', async () => {
    const fileId = await openedFile(service);
    const request = await call('POST', `/files/${fileId}/evvi/requests`, 'caseworker', {
      requestedBy: 'prosecutor',
      dueOn: '2027-03-01',
    });
    expect(request.statusCode).toBe(200);
    const version = await call('POST', `/files/${fileId}/evvi/versions`, 'caseworker', {
      criteria: {
        harm: { physical: 'serious', psychological: 'serious', material: 'none' },
        circumstances: { discriminatoryMotive: false, sexistMotive: true, linkWithAuthor: 'stranger' },
        personal: { minor: false, elderly: false, pregnancy: false, disability: false },
        riskOfIntimidationOrReprisals: true,
        coerciveControl: false,
      },
      level: 'high',
      measures: ['no-contact-order'],
      opinion: 'La victime présente une vulnérabilité importante.',
    });
    expect(version.json()).toMatchObject({ events: ['EvviSubmitted'] });
    const pdf = await call('GET', `/files/${fileId}/evvi/versions/1/opinion.pdf?purpose=prosecutor`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await call('GET', `/files/${fileId}/evvi/versions/1/opinion.pdf`, 'caseworker-69')).statusCode,
    ).toBe(403);
    const log = await service.module.db.query<{ purpose: string }>(
      `SELECT purpose FROM es_access_log WHERE subject_id = $1 ORDER BY id`,
      [fileId],
    );
    expect(log.map((r) => r.purpose)).toContain('evvi-opinion: prosecutor');
  });
});
