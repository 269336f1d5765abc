import { randomUUID } from 'node:crypto';
import { IntakeReadyForOrientationV1 } from '@parcours/contracts';
import { schemaDrift } from '@parcours/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBatchHandler } from '../consumers.ts';
import {
  bav,
  commissariat,
  intakeReady,
  lyon,
  personalData,
  referralAccepted,
  referralProposed,
} from '../test-events.ts';
import { deliverTo, messageContext, startTestService, type TestService } from '../test-support.ts';

let service: TestService;
let deliver: ReturnType<typeof deliverTo>;

beforeAll(async () => {
  service = await startTestService('files');
  deliver = deliverTo(service);
});
afterAll(async () => {
  await service?.close();
});

const get = async (url: string, user: Parameters<TestService['auth']>[0] = 'caseworker') =>
  service.app.inject({ method: 'GET', url, headers: await service.auth(user) });

/** A case accepted by an office: its file, as the consumer opens it. */
async function acceptedCase(place = bav) {
  const intake = await intakeReady(service.module.keys);
  const proposed = referralProposed(intake.data.caseId, place);
  await deliver(proposed);
  await deliver(referralAccepted(proposed));
  await deliver(intake);
  const list = await get(`/files?caseId=${intake.data.caseId}`, 'association-manager');
  return { intake, proposed, list: list.json() };
}

describe('files opened from the events the service consumes', () => {
  it('its read models match their migrated tables', async () => {
    expect(await schemaDrift(service.module.db)).toEqual([]);
  });

  it('keeps intake’s link with the author in the file’s facts, from v2; a v1 intake, without it, opens its file too', async () => {
    const couple = await intakeReady(service.module.keys, {
      offenceCategory: 'couple-violence',
      authorLink: 'former-partner',
    });
    const { authorLink: _, ...v1Data } = (await intakeReady(service.module.keys)).data;
    const older = IntakeReadyForOrientationV1.create({
      id: randomUUID(),
      subject: v1Data.caseId,
      time: new Date(),
      data: v1Data,
    });
    for (const intake of [couple, older]) {
      const proposed = referralProposed(intake.data.caseId, bav);
      for (const event of [intake, proposed, referralAccepted(proposed)]) await deliver(event);
    }
    const read = async (caseId: string) => {
      const { items } = (await get(`/files?caseId=${caseId}`, 'association-manager')).json();
      return (await get(`/files/${items[0].fileId}`)).json().facts;
    };
    expect(await read(couple.data.caseId)).toMatchObject({
      offenceCategory: 'couple-violence',
      authorLink: 'former-partner',
    });
    const facts = await read(older.data.caseId);
    expect(facts).toMatchObject({ offenceCategory: 'physical-violence' });
    expect(facts).not.toHaveProperty('authorLink');
  });

  it('an accepted referral opens one file in the accepting office with the case’s facts, whatever the order', async () => {
    const { intake, list } = await acceptedCase();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      caseId: intake.data.caseId,
      ...bav,
      status: 'open',
      origin: 'referral',
      offenceCategory: 'physical-violence',
      urgency: 'high',
      needs: ['legal-information', 'psychological-support'],
      readOnly: false,
    });
    // Delivered again (at least once): nothing more.
    await deliver(intake);
    const again = await get(`/files?caseId=${intake.data.caseId}`, 'association-manager');
    expect(again.json().total).toBe(1);
  });

  it('a proposal not yet accepted opens nothing; a walk-in kept at its office opens at once', async () => {
    const intake = await intakeReady(service.module.keys);
    await deliver(intake);
    await deliver(referralProposed(intake.data.caseId, commissariat));
    expect((await get(`/files?caseId=${intake.data.caseId}`, 'association-manager')).json().total).toBe(0);
    const walkIn = await intakeReady(service.module.keys, { channel: 'walk-in' });
    await deliver(walkIn);
    await deliver(referralProposed(walkIn.data.caseId, bav, { from: bav }));
    const files = (await get(`/files?caseId=${walkIn.data.caseId}`, 'association-manager')).json();
    expect(files.items).toMatchObject([{ ...bav, origin: 'walk-in', status: 'open' }]);
  });

  it('a transfer closes the sender’s file as a read-only trace and opens the receiver’s, linked', async () => {
    const { intake, list } = await acceptedCase(bav);
    const senderFile = list.items[0].fileId;
    const transfer = referralProposed(intake.data.caseId, commissariat, { from: bav });
    await deliver(transfer);
    await deliver(referralAccepted(transfer));
    const files = (await get(`/files?caseId=${intake.data.caseId}`, 'association-manager')).json();
    expect(files.total).toBe(2);
    const sender = files.items.find((f: { fileId: string }) => f.fileId === senderFile);
    const receiver = files.items.find((f: { fileId: string }) => f.fileId !== senderFile);
    expect(sender).toMatchObject({ status: 'transferred', closedReason: 'transferred', readOnly: true });
    expect(receiver).toMatchObject({ ...commissariat, origin: 'transfer', linkedFileId: senderFile });
  });

  it('an added service opens a file linked to the holder’s, which stays open', async () => {
    const { intake, list } = await acceptedCase(bav);
    const holder = list.items[0].fileId;
    const added = referralProposed(intake.data.caseId, commissariat, { from: bav, mode: 'referral' });
    await deliver(added);
    await deliver(referralAccepted(added));
    const files = (await get(`/files?caseId=${intake.data.caseId}`, 'association-manager')).json();
    expect(files.items.find((f: { fileId: string }) => f.fileId === holder).status).toBe('open');
    expect(files.items.find((f: { fileId: string }) => f.fileId !== holder)).toMatchObject({
      origin: 'added-service',
      linkedFileId: holder,
    });
  });
});

describe('a fetch of messages handled in one transaction', () => {
  it('opens, transfers and schedules for several cases as it does one message at a time', async () => {
    // Three cases: two offices' files, and a file transferred from one office to another.
    const scenario = async () => {
      const intakes = await Promise.all([0, 1, 2].map(() => intakeReady(service.module.keys)));
      const proposals = intakes.map((intake, i) =>
        referralProposed(intake.data.caseId, i === 1 ? lyon : bav),
      );
      const transfer = referralProposed(intakes[2]!.data.caseId, commissariat, {
        from: bav,
        mode: 'transfer',
      });
      return {
        caseIds: intakes.map((intake) => intake.data.caseId),
        fetches: [
          intakes,
          proposals,
          proposals.map((p) => referralAccepted(p)),
          [transfer, referralAccepted(transfer)],
        ],
      };
    };
    const summary = async (caseIds: string[]) =>
      Promise.all(
        caseIds.map(async (caseId) => ({
          files: await service.module.db.query(
            `SELECT office_id, status, origin, linked_file_id IS NOT NULL AS linked,
                    (SELECT array_agg(payload->'command'->>'type' ORDER BY payload->'command'->>'type')
                     FROM es_schedule WHERE group_key = 'followup-file-' || f.file_id) AS jobs
             FROM followup_files f WHERE case_id = $1 ORDER BY office_id`,
            [caseId],
          ),
          published: (
            await service.module.db.query<{ type: string }>(
              `SELECT event->>'type' AS type FROM es_outbox WHERE event->>'subject' = $1 ORDER BY 1`,
              [caseId],
            )
          ).map((row) => row.type),
        })),
      );
    const batched = await scenario();
    const batch = caseBatchHandler(service.module.db, service.module.followUp);
    for (const fetch of batched.fetches) await batch(fetch.map((event) => ({ event, ctx: messageContext })));
    const single = await scenario();
    for (const fetch of single.fetches) for (const event of fetch) await deliver(event);

    const expected = await summary(single.caseIds);
    expect(expected[2]!.files).toMatchObject([
      { office_id: bav.officeId, status: 'transferred' },
      { office_id: commissariat.officeId, status: 'open', linked: true },
    ]);
    expect(expected.every((c) => c.files.every((f) => (f['jobs'] as string[]).length > 0))).toBe(true);
    expect(await summary(batched.caseIds)).toEqual(expected);
  });

  it('opens the same files as one at a time, and a redelivered batch changes nothing', async () => {
    const batch = caseBatchHandler(service.module.db, service.module.followUp);
    const intake = await intakeReady(service.module.keys);
    const proposed = referralProposed(intake.data.caseId, lyon);
    const messages = [intake, proposed, referralAccepted(proposed)].map((event) => ({
      event,
      ctx: messageContext,
    }));
    await batch(messages);
    await batch(messages);
    const files = (await get(`/files?caseId=${intake.data.caseId}`, 'caseworker-69')).json();
    expect(files.items).toMatchObject([{ ...lyon, status: 'open', origin: 'referral' }]);
  });
});

describe('reading a file', () => {
  it('gives the personal data decrypted to those allowed, and logs every read first', async () => {
    const { list } = await acceptedCase(bav);
    const fileId = list.items[0].fileId;
    const read = await get(`/files/${fileId}?purpose=first-contact`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      fileId,
      status: 'open',
      personal: personalData,
      facts: { offenceCategory: 'physical-violence', safeContact: { safeNumber: true, noVoicemail: true } },
    });
    expect(read.json().facts.personal).toBeUndefined();
    const log = await service.module.db.query<{ actor: string; purpose: string }>(
      `SELECT actor, purpose FROM es_access_log WHERE subject_kind = 'followup-file' AND subject_id = $1`,
      [fileId],
    );
    expect(log).toEqual([{ actor: 'dev-caseworker', purpose: 'first-contact' }]);
  });

  it('refuses another association, the helpline and the analyst, and logs nothing for them', async () => {
    const { list } = await acceptedCase(bav);
    const fileId = list.items[0].fileId;
    for (const user of ['caseworker-69', 'helpline', 'federation-analyst', 'admin'] as const) {
      const res = await get(`/files/${fileId}`, user);
      expect(res.statusCode, user).toBe(403);
    }
    const log = await service.module.db.query(
      `SELECT 1 FROM es_access_log WHERE subject_kind = 'followup-file' AND subject_id = $1`,
      [fileId],
    );
    expect(log).toEqual([]);
    expect((await get('/files?caseId=none', 'caseworker-69')).json().total).toBe(0);
    expect((await get(`/files/not-a-file`)).statusCode).toBe(404);
  });

  it('lists only the scope: an office manager their office, Lyon nothing of Paris', async () => {
    const paris = await acceptedCase(commissariat);
    const inLyon = await acceptedCase(lyon);
    const manager = (await get(`/files?caseId=${paris.intake.data.caseId}`, 'office-manager')).json();
    expect(manager.total).toBe(0); // the manager of office-75-bav
    const lyonView = (await get(`/files?caseId=${inLyon.intake.data.caseId}`, 'caseworker-69')).json();
    expect(lyonView.total).toBe(1);
    const crossed = (await get(`/files?caseId=${paris.intake.data.caseId}`, 'caseworker-69')).json();
    expect(crossed.total).toBe(0);
  });
});
