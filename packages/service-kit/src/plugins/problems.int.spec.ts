import { connect } from 'node:net';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict } from '../errors.ts';
import { createTestApp, LogCapture, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
const logs = new LogCapture();

beforeAll(async () => {
  t = await createTestApp({ logs });
  t.app.post(
    '/victims',
    {
      schema: {
        body: Type.Object(
          {
            name: Type.String({ minLength: 1 }),
            phone: Type.String({ pattern: '^\\+?[0-9 ]{6,20}$' }),
            age: Type.Integer({ minimum: 0 }),
            consent: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
      },
    },
    async () => ({ ok: true }),
  );
  t.app.get('/boom', async () => {
    throw new Error('connect ECONNREFUSED postgres://admin:s3cret@db:5432 victim Jeanne Martin');
  });
  t.app.post('/referrals/:id/accept', async () => {
    throw conflict('referral_already_accepted', 'The referral was already accepted');
  });
  await t.app.ready();
});
afterAll(() => t.close());

describe('problem+json errors', () => {
  it('names every invalid field and never echoes the submitted values', async () => {
    const bodyErrors = await t.app.inject({
      method: 'POST',
      url: '/victims',
      headers: await t.auth('caseworker'),
      payload: { phone: 'Jeanne-06-secret', age: -4, consent: 'yes please' },
    });
    expect(bodyErrors.statusCode).toBe(400);
    expect(bodyErrors.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bodyErrors.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      title: 'Bad Request',
      instance: '/victims',
    });
    const fields = bodyErrors.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['/body/name', '/body/phone', '/body/age', '/body/consent']),
    );
    expect(bodyErrors.body).not.toContain('Jeanne');
    expect(bodyErrors.body).not.toContain('yes please');

    const queryErrors = await t.app.inject({
      method: 'POST',
      url: '/victims?dryRun=perhaps',
      headers: await t.auth('caseworker'),
      payload: { name: 'Jeanne', phone: '0601020304', age: 40, consent: true },
    });
    expect(queryErrors.statusCode).toBe(400);
    expect(queryErrors.json().errors).toEqual([{ field: '/querystring/dryRun', message: 'must be boolean' }]);
  });

  it('maps a DomainError to its status and code', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/referrals/r-1/accept',
      headers: await t.auth('caseworker'),
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'urn:parcours:problem:referral_already_accepted',
      title: 'Conflict',
      status: 409,
      detail: 'The referral was already accepted',
      code: 'referral_already_accepted',
      instance: '/referrals/r-1/accept',
    });
  });

  it('hides the internals of a 5xx and logs them server-side', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/boom', headers: await t.auth('caseworker') });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['instance', 'status', 'title', 'traceId', 'type']);
    expect(body).toMatchObject({ title: 'Internal Server Error', status: 500, instance: '/boom' });
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(response.body).not.toMatch(/ECONNREFUSED|s3cret|Jeanne|at /);
    const logged = logs.lines.find((line) => line['msg'] === 'request failed');
    expect((logged?.['err'] as { message?: string } | undefined)?.message).toContain('ECONNREFUSED');
  });

  it('answers an unknown route with 404 problem+json, token or not', async () => {
    for (const headers of [{}, await t.auth('caseworker')]) {
      const response = await t.app.inject({ method: 'GET', url: '/nowhere?name=Jeanne', headers });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 404, code: 'route_not_found', instance: '/nowhere' });
      expect(response.body).not.toContain('Jeanne');
    }
  });

  it('answers malformed JSON with a code, and does not quote the body back', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/victims',
      headers: { ...(await t.auth('caseworker')), 'content-type': 'application/json' },
      payload: '{"name": Jeanne Martin}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'malformed_json' });
    expect(response.body).not.toContain('Jeanne');
  });
});

describe('what Fastify refuses before a route runs, as problem+json with a code', () => {
  const send = async (method: 'GET' | 'POST' | 'DELETE', url: string, headers = {}, payload?: string) =>
    t.app.inject({ method, url, headers: { ...(await t.auth('caseworker')), ...headers }, payload });

  const cases: [string, () => ReturnType<typeof send>, number, string][] = [
    [
      'an empty JSON body',
      () => send('POST', '/victims', { 'content-type': 'application/json' }, ''),
      400,
      'malformed_json',
    ],
    [
      'a forbidden __proto__ key',
      () => send('POST', '/victims', { 'content-type': 'application/json' }, '{"__proto__":{"x":1}}'),
      400,
      'malformed_json',
    ],
    [
      'a text/plain body',
      () => send('POST', '/victims', { 'content-type': 'text/plain' }, 'Jeanne'),
      415,
      'unsupported_media_type',
    ],
    [
      'an unknown content type',
      () => send('POST', '/victims', { 'content-type': 'application/xml' }, '<v/>'),
      415,
      'unsupported_media_type',
    ],
    [
      'a path that is not validly encoded',
      () => send('GET', '/referrals/%E0%A4%A/accept'),
      400,
      'malformed_url',
    ],
    [
      'a path segment over the router limit',
      () => send('POST', `/referrals/${'x'.repeat(1_001)}/accept`),
      414,
      'uri_too_long',
    ],
  ];
  for (const [what, request, status, code] of cases) {
    it(`answers ${what} with ${status} ${code}`, async () => {
      const response = await request();
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status, code, type: `urn:parcours:problem:${code}` });
      expect(response.body).not.toContain('Jeanne');
    });
  }

  it('answers a known path with another method 405 with Allow', async () => {
    const response = await send('DELETE', '/referrals/r-1/accept');
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect(response.json()).toMatchObject({
      status: 405,
      code: 'method_not_allowed',
      title: 'Method Not Allowed',
    });
    const get = await send('POST', '/boom');
    expect(get.headers['allow']).toBe('GET, HEAD');
  });

  it('answers a request the HTTP parser refuses as problem+json on the socket', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port) });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    });
    expect(raw).toMatch(/^HTTP\/1.1 400 Bad Request\r\n/);
    expect(raw).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'malformed_request',
    });
  });
});
