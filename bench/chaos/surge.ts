// The surge: helpline calls sent to intake at a steady rate, each retried with its own
// Idempotency-Key until intake answers 201, as a helpline's client would through any outage.
import { DEV_AUDIENCE, DEV_ISSUER, DevIssuer } from '@parcours/service-kit';
import { nationwideCallBody } from '../support.ts';
import { newSendStats, sendUntilAnswered } from './retry.ts';
import { sleep } from './servers.ts';

/** What no Kafka message may carry in clear: the surge's names, phones, addresses and narratives. */
export const clearTextMarkers = [
  'Victime',
  'Élodie',
  'rue de la Roquette',
  '06 55',
  '+33 1 98 76',
  'Threatened by',
];

/** Helpline call number `i`: its own victim (name, birth date, address) and its own phone. */
export function surgeCall(i: number): string {
  const body = JSON.parse(nationwideCallBody(i));
  const digits = String(i).padStart(6, '0');
  body.personal.contact.phone = `+33 6 55 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  return JSON.stringify(body);
}

export class Surge {
  readonly stats = newSendStats();
  /** The case of every accepted call, by call number. */
  readonly cases = new Map<number, string>();
  private next = 0;
  private inflight = new Set<Promise<void>>();
  private auth = '';

  private readonly intakeUrl: () => string;
  private readonly runId: string;
  private readonly requestTimeoutMs: number;

  constructor(intakeUrl: () => string, runId: string, requestTimeoutMs = 15_000) {
    this.intakeUrl = intakeUrl;
    this.runId = runId;
    this.requestTimeoutMs = requestTimeoutMs;
  }

  async init() {
    const issuer = await DevIssuer.shared({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    this.auth = `Bearer ${await issuer.sign('helpline', { expiresIn: '12h' })}`;
  }

  get sent() {
    return this.next;
  }

  get pending() {
    return this.inflight.size;
  }

  /** Sends `count` new calls evenly over `seconds`, without waiting for their answers. */
  async send(count: number, seconds: number) {
    const started = performance.now();
    for (let k = 0; k < count; k++) {
      const wait = started + (k * seconds * 1000) / count - performance.now();
      if (wait > 0) await sleep(wait);
      const call = this.deliver(this.next++);
      this.inflight.add(call);
      void call.finally(() => this.inflight.delete(call));
    }
  }

  /** Resolves when every call sent so far has been accepted. */
  async settled(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (this.inflight.size > 0) {
      if (Date.now() > deadline) throw new Error(`${this.inflight.size} calls still not accepted`);
      await sleep(100);
    }
  }

  /** One call, retried until 201: 5xx, 409 (the same key still in flight) and network errors. */
  private async deliver(i: number) {
    const body = surgeCall(i);
    const text = await sendUntilAnswered(
      this.stats,
      () =>
        fetch(`${this.intakeUrl()}/intakes/helpline-calls`, {
          method: 'POST',
          headers: {
            authorization: this.auth,
            'content-type': 'application/json',
            'idempotency-key': `${this.runId}-${i}`,
          },
          body,
          signal: AbortSignal.timeout(this.requestTimeoutMs),
        }),
      201,
      // 409: the same key still in flight.
      (status) => status === 409,
    );
    if (text !== undefined) this.cases.set(i, (JSON.parse(text) as { caseId: string }).caseId);
  }
}
