import Fastify, { type FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBff, type TestBff } from '../testing/bff.ts';

/** A stand-in for the intake service over real HTTP: records what it received, answers like it. */
let upstream: FastifyInstance;
const received: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];
let bff: TestBff;

beforeAll(async () => {
  upstream = Fastify();
  upstream.removeAllContentTypeParsers();
  upstream.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  upstream.all('/*', async (request, reply) => {
    received.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: String(request.body ?? ''),
    });
    if (request.url.startsWith('/intakes/helpline-calls')) {
      return reply.code(422).type('application/problem+json').send({
        type: 'urn:parcours:problem:anonymous_with_identity',
        status: 422,
        code: 'anonymous_with_identity',
      });
    }
    return reply.header('location', '/callbacks').send({ items: [], total: 0 });
  });
  const intakeUrl = await upstream.listen({ host: '127.0.0.1', port: 0 });
  bff = await startBff({ intakeUrl });
});
afterAll(async () => {
  await bff?.close();
  await upstream?.close();
});

describe('the proxy to the services', () => {
  it('calls the service with the signed-in user’s own token, and passes its answer back', async () => {
    const { cookie } = await bff.signIn('helpline');
    received.length = 0;
    const response = await fetch(`${bff.url}/api/intake/callbacks?status=open&limit=5`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ items: [], total: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/callbacks?status=open&limit=5');
    const token = String(received[0]!.headers['authorization']).replace(/^Bearer /, '');
    expect(decodeJwt(token)).toMatchObject({ sub: 'dev-helpline', roles: ['helpline'], iss: 'test-issuer' });
    expect(received[0]!.headers['cookie']).toBeUndefined();
  });

  it('forwards the body byte for byte with the Idempotency-Key, and a problem+json untouched', async () => {
    const { cookie, csrf } = await bff.signIn('helpline');
    received.length = 0;
    const body = '{"anonymous":true,  "personal":{"identity":{"lastName":"É"}}}';
    const response = await fetch(`${bff.url}/api/intake/intakes/helpline-calls`, {
      method: 'POST',
      headers: {
        cookie,
        origin: bff.url,
        'x-csrf-token': csrf,
        'content-type': 'application/json',
        'idempotency-key': 'call-42',
      },
      body,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toEqual({
      type: 'urn:parcours:problem:anonymous_with_identity',
      status: 422,
      code: 'anonymous_with_identity',
    });
    expect(received[0]).toMatchObject({ method: 'POST', body });
    expect(received[0]!.headers['idempotency-key']).toBe('call-42');
  });

  it('reaches nothing without a session, without the CSRF token, or outside the service’s documented operations', async () => {
    const { cookie } = await bff.signIn('admin');
    received.length = 0;
    const anonymous = await fetch(`${bff.url}/api/intake/callbacks`);
    expect(anonymous.status).toBe(401);
    const noToken = await fetch(`${bff.url}/api/intake/callbacks`, {
      method: 'POST',
      headers: { cookie, origin: bff.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { code: string }).code).toBe('csrf_failed');
    for (const path of [
      '/api/intake/docs/json',
      '/api/intake/health/ready',
      '/api/intake/intakes/a/../../docs',
      '/api/other/x',
    ]) {
      const response = await fetch(`${bff.url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(404);
    }
    expect(received).toEqual([]);
  });

  it('says the service is not answering (502, no internals) when it is down', async () => {
    const down = await startBff({ intakeUrl: 'http://127.0.0.1:9' });
    try {
      const { cookie } = await down.signIn('helpline');
      const response = await fetch(`${down.url}/api/intake/callbacks`, { headers: { cookie } });
      expect(response.status).toBe(502);
      const problem = await response.json();
      expect(problem).toMatchObject({ code: 'service_unavailable', status: 502 });
      expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await down.close();
    }
  });
});
