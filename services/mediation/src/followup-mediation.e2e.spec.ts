// The follow-up service's test support is reached by path (it exports no testing entry), as
// referral's flow test reaches intake's.
import { uniqueTopic } from '@parcours/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedFile, startTestService as startFollowUp } from '../../follow-up/src/test-support.ts';
import { mandateIdFor } from './consumers.ts';
import { api, throughJointSession } from './test-api.ts';
import { startTestService, type TestService } from './test-support.ts';

let followUp: Awaited<ReturnType<typeof startFollowUp>>;
let mediation: TestService;
let given: ReturnType<typeof api>;

beforeAll(async () => {
  const topics = { FOLLOWUP_TOPIC: uniqueTopic('followup'), MEDIATION_TOPIC: uniqueTopic('mediation') };
  followUp = await startFollowUp('with_mediation', { env: topics });
  mediation = await startTestService('with_followup', { env: { ...topics, ARRIVAL_GAP_MINUTES: '0' } });
  given = api(mediation);
  // The real pipes both ways: follow-up's relay → followup topic → mediation's consumer; mediation's
  // relay → mediation topic → follow-up's consumer.
  followUp.module.relay.start();
  await followUp.module.startConsumer();
  await mediation.module.startWorkers();
});
afterAll(async () => {
  await mediation?.close();
  await followUp?.close();
});

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a follow-up file asks for a mediation and hears its outcome', () => {
  it('file → request → mandate → interviews → joint session → agreement → the file records it', async () => {
    const fileId = await openedFile(followUp);
    const requested = await followUp.app.inject({
      method: 'POST',
      url: `/files/${fileId}/mediation-request`,
      headers: await followUp.auth('caseworker'),
      payload: { victimConsents: true, court: 'tj-paris' },
    });
    expect(requested.statusCode).toBe(200);
    const mandateId = mandateIdFor(requested.json().id);
    await eventually(async () => {
      const state = await mediation.module.mediation.mandate(mandateId);
      return state.status === 'awaiting-prosecutor' ? state : undefined;
    });
    await given.ok('mediator', `/mandates/${mandateId}/prosecutor-decision`, {
      decision: 'ordered',
      prosecutorReference: 'PR-FILE-1',
      orderedOn: given.today(),
      deadline: given.plusDays(90),
    });
    const { victim, respondent } = await throughJointSession(given, mandateId);
    const signedAt = new Date().toISOString();
    await given.ok('mediator', `/mandates/${mandateId}/agreement`, {
      terms: [{ kind: 'apology', by: respondent, to: victim, form: 'written', dueDate: given.plusDays(7) }],
      signatures: [
        { partyId: victim, signedAt },
        { partyId: respondent, signedAt },
      ],
    });
    const pdf = await given.call('mediator', `/mandates/${mandateId}/report.pdf`, undefined, 'GET');
    expect(pdf.statusCode).toBe(200);

    const file = await eventually(async () => {
      const read = await followUp.app.inject({
        method: 'GET',
        url: `/files/${fileId}`,
        headers: await followUp.auth('caseworker'),
      });
      const body = read.json();
      return body.mediation?.outcome ? body : undefined;
    });
    expect(file.mediation).toMatchObject({
      mediationRequestId: requested.json().id,
      open: false,
      outcome: 'agreement',
    });
  }, 150_000);
});
