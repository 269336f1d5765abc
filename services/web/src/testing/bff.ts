import { randomUUID } from 'node:crypto';
import { DevIssuer, type DevUserName, loadConfig } from '@parcours/service-kit';
import { testServiceEnv } from '@parcours/service-kit/testing';
import { Redis } from 'ioredis';
import { buildApp } from '../app.ts';
import { webConfigSchema } from '../config.ts';
import { freePort } from './stack.ts';

export interface BffOptions {
  intakeUrl?: string;
  referralUrl?: string;
  issuer?: DevIssuer;
  env?: Record<string, string>;
}

/** A BFF instance listening on the loopback, on the real Redis and Kafka, for the int tests. */
export async function startBff(options: BffOptions = {}) {
  const issuer =
    options.issuer ?? (await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(webConfigSchema, {
    ...testServiceEnv('web-test'),
    PORT: String(port),
    PUBLIC_URL: url,
    INTAKE_URL: options.intakeUrl ?? 'http://127.0.0.1:9',
    REFERRAL_URL: options.referralUrl ?? 'http://127.0.0.1:9',
    LIVE_TOPICS: `referral.${randomUUID().slice(0, 8)}.v1`,
    LIVE_CHANNEL: `parcours:web-test:${randomUUID()}`,
    LIVE_CONSUMER_GROUP: `web-live-${randomUUID().slice(0, 8)}`,
    ...options.env,
  });
  const redis = new Redis(config.REDIS_URL);
  const app = await buildApp({ config, redis, devIssuer: issuer });
  await app.listen({ host: '127.0.0.1', port });

  /** Signs a development user in; returns the cookie and CSRF token a page would hold. */
  async function signIn(user: DevUserName) {
    const response = await fetch(`${url}/auth/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ user }),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
    const setCookie = response.headers.get('set-cookie') ?? '';
    const { csrf } = (await response.json()) as { csrf: string };
    return { cookie: setCookie.split(';')[0]!, csrf, setCookie };
  }

  return {
    app,
    url,
    config,
    issuer,
    signIn,
    async close() {
      await app.close();
      await redis.quit();
    },
  };
}

export type TestBff = Awaited<ReturnType<typeof startBff>>;

/** Reads `event: update` messages of a Server-Sent Events stream as they come. */
export async function openLiveStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/live`, { headers: { cookie }, signal: controller.signal });
  const received: unknown[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (block.includes('event: update') && data) received.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      // Closed by the test.
    }
  })();
  return { response, received, close: () => controller.abort() };
}
