import { randomUUID } from 'node:crypto';
import { FileMediationRequestedV1, type IntegrationEvent, toOutboxMessage } from '@parcours/contracts';
import { createOutboxSink, type RunningConsumer } from '@parcours/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mandateIdFor } from './consumers.ts';
import { api, throughJointSession } from './test-api.ts';
import { startTestService, type TestService } from './test-support.ts';

let service: TestService;
let given: ReturnType<typeof api>;
let watcher: RunningConsumer;
const seen: IntegrationEvent[] = [];

beforeAll(async () => {
  service = await startTestService('flow', { env: { ARRIVAL_GAP_MINUTES: '0' } });
  given = api(service);
  // The real pipes: the follow-up topic → mediation's consumer group; mediation's outbox relay →
  // its topic → a consumer standing for the follow-up file.
  await service.module.startWorkers();
  watcher = await service.module.messaging.startConsumer({
    groupId: `follow-up-file-${randomUUID().slice(0, 8)}`,
    topics: [service.config.MEDIATION_TOPIC],
    handler: async (event) => {
      seen.push(event);
    },
    fromBeginning: true,
  });
});
afterAll(async () => {
  await watcher?.stop();
  await service?.close();
});

async function eventually<T>(
  read: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a file’s mediation request → mandate → interviews → joint session → agreement → report', () => {
  it('runs through Kafka, and the file hears every step without a name in clear', async () => {
    const caseId = randomUUID();
    const data = {
      fileId: randomUUID(),
      caseId,
      associationId: 'asso-75',
      officeId: 'office-75-bav',
      mediationRequestId: randomUUID(),
      court: 'tj-paris',
      victimConsent: true as const,
      offenceCategory: 'robbery-theft' as const,
      subjectId: randomUUID(),
      personal: {
        enc: 'aes-256-gcm/v1' as const,
        subject: 'v',
        iv: 'AAECAwQFBgcICQoL',
        tag: 'AAECAwQFBgcICQoLDA0ODw==',
        ct: 'c2VjcmV0',
      },
      at: new Date().toISOString(),
    };
    // As the follow-up service's relay sends it (the test's topic is not the contract's own).
    const request = toOutboxMessage(FileMediationRequestedV1, {
      topic: service.config.FOLLOWUP_TOPIC,
      subject: caseId,
      time: data.at,
      data,
    });
    await createOutboxSink(service.module.messaging)([request]);

    const mandateId = mandateIdFor(data.mediationRequestId);
    await eventually(async () => {
      const state = await service.module.mediation.mandate(mandateId);
      return state.status === 'awaiting-prosecutor' ? state : undefined;
    });
    await given.ok('mediator', `/mandates/${mandateId}/prosecutor-decision`, {
      decision: 'ordered',
      prosecutorReference: 'PR-E2E-1',
      orderedOn: given.today(),
      deadline: given.plusDays(90),
    });
    const { victim, respondent } = await throughJointSession(given, mandateId);
    const signedAt = new Date().toISOString();
    await given.ok('mediator', `/mandates/${mandateId}/agreement`, {
      terms: [{ kind: 'apology', by: respondent, to: victim, form: 'oral', dueDate: given.plusDays(7) }],
      signatures: [
        { partyId: victim, signedAt },
        { partyId: respondent, signedAt },
      ],
    });
    const pdf = await given.call('mediator', `/mandates/${mandateId}/report.pdf`, undefined, 'GET');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await given.ok('mediator', `/mandates/${mandateId}/report`);

    const types = await eventually(() => {
      const mine = seen.filter((e) => (e.data as { mandateId?: string }).mandateId === mandateId);
      return mine.some((e) => e.type === 'fr.parcours.mediation.agreed.v1')
        ? mine.map((e) => e.type)
        : undefined;
    });
    expect(types).toEqual([
      'fr.parcours.mediation.requested.v1',
      'fr.parcours.mediation.opened.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.session-held.v1',
      'fr.parcours.mediation.agreed.v1',
    ]);
    const agreed = seen.find((e) => e.type === 'fr.parcours.mediation.agreed.v1' && e.subject === caseId);
    expect(agreed?.data).toMatchObject({
      fileId: data.fileId,
      caseId,
      terms: { apology: 1 },
      sessionsHeld: 3,
    });
    expect(JSON.stringify(seen)).not.toContain('Valérie');
  }, 120_000);
});
