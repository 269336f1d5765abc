import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StringEnum } from '../schemas.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
let auth: { authorization: string };
const handled: unknown[] = [];

const Residence = Type.Object({
  countryCode: Type.String({ pattern: '^[A-Z]{2}$' }),
  postcode: Type.Optional(Type.String({ maxLength: 10 })),
});

beforeAll(async () => {
  t = await createTestApp();
  // Schemas as services write them: no `additionalProperties`, no maxLength on free text.
  t.app.post(
    '/intakes',
    {
      schema: {
        body: Type.Object({
          residence: Residence,
          consent: Type.Object({ sharing: Type.Boolean() }),
          court: Type.Optional(Type.String()),
          notes: Type.Optional(Type.Array(Type.String())),
          children: Type.Optional(Type.Integer({ minimum: 0 })),
          extra: Type.Optional(Type.Object({}, { additionalProperties: Type.String() })),
        }),
      },
    },
    async (request, reply) => {
      handled.push(request.body);
      return reply.code(201).send({ ok: true });
    },
  );
  t.app.get(
    '/offices/:officeId/referrals/:page',
    {
      schema: {
        params: Type.Object({ officeId: Type.String(), page: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          overdue: Type.Optional(Type.Boolean()),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          ratio: Type.Optional(Type.Number()),
          status: Type.Optional(StringEnum(['proposed', 'accepted'])),
          need: Type.Optional(Type.Array(StringEnum(['legal', 'housing']))),
        }),
        headers: Type.Object({ 'X-Page-Size': Type.Optional(Type.Integer({ maximum: 500 })) }),
      },
    },
    async (request) => ({
      params: request.params,
      query: request.query,
      size: request.headers['x-page-size'],
    }),
  );
  t.app.get('/referrals/:referralId', async (request) => ({ params: request.params }));
  await t.app.ready();
  auth = await t.auth('caseworker');
});
afterAll(() => t.close());

const valid = { residence: { countryCode: 'FR', postcode: '75011' }, consent: { sharing: true } };

async function post(payload: unknown) {
  const before = handled.length;
  const response = await t.app.inject({
    method: 'POST',
    url: '/intakes',
    headers: auth,
    payload: payload as object,
  });
  return { response, ran: handled.length > before };
}

/** A 400 problem naming exactly these fields, and the handler never ran. */
async function expectRefused(payload: unknown, fields: string[]) {
  const { response, ran } = await post(payload);
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json().code).toBe('validation_failed');
  expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(fields);
  expect(ran).toBe(false);
  return response.json();
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...auth, ...headers } });

describe('strict bodies', () => {
  it('accepts a valid body as sent', async () => {
    const { response, ran } = await post(valid);
    expect(response.statusCode).toBe(201);
    expect(ran).toBe(true);
    expect(handled.at(-1)).toEqual(valid);
  });

  it('refuses a misspelt property instead of dropping it', async () => {
    await expectRefused({ ...valid, residence: { countryCode: 'FR', postcode_: '75011' } }, [
      '/body/residence/postcode_',
    ]);
    await expectRefused({ ...valid, consnet: { sharing: true } }, ['/body/consnet']);
  });

  it('keeps an object that declares its own additionalProperties open as declared', async () => {
    expect((await post({ ...valid, extra: { anything: 'text' } })).response.statusCode).toBe(201);
    await expectRefused({ ...valid, extra: { anything: 12 } }, ['/body/extra/anything']);
  });

  it('never coerces: null, "true" and 1 are not booleans, "3" is not an integer', async () => {
    for (const sharing of [null, 'true', 1, 0, 'false', []]) {
      await expectRefused({ ...valid, consent: { sharing } }, ['/body/consent/sharing']);
    }
    await expectRefused({ ...valid, children: '3' }, ['/body/children']);
    await expectRefused({ ...valid, notes: 'one note' }, ['/body/notes']);
  });

  it('refuses text PostgreSQL cannot store, wherever it is, before the handler runs', async () => {
    await expectRefused({ ...valid, court: 'Tribunal\u0000 de Paris' }, ['/body/court']);
    await expectRefused({ ...valid, court: 'Tribunal \ud83d de Paris' }, ['/body/court']);
    await expectRefused({ ...valid, court: 'lone low \udc00' }, ['/body/court']);
    await expectRefused({ ...valid, notes: ['fine', 'not\u0000fine'] }, ['/body/notes/1']);
    await expectRefused({ ...valid, extra: { 'key\u0000': 'value' } }, ['/body/extra/key\u0000']);
    // A well-formed pair is text like any other.
    expect((await post({ ...valid, court: 'Tribunal 🏛 de Paris' })).response.statusCode).toBe(201);
  });

  it('bounds what the schema leaves unbounded: strings, arrays, integers', async () => {
    expect((await post({ ...valid, court: 'x'.repeat(10_000) })).response.statusCode).toBe(201);
    await expectRefused({ ...valid, court: 'x'.repeat(10_001) }, ['/body/court']);
    await expectRefused({ ...valid, notes: Array.from({ length: 1_001 }, () => 'n') }, ['/body/notes']);
    await expectRefused({ ...valid, children: 2 ** 53 }, ['/body/children']);
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const { response, ran } = await post({ ...valid, court: 'x'.repeat(1_100_000) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 413,
      code: 'body_too_large',
      title: 'Content Too Large',
    });
    expect(ran).toBe(false);
  });
});

describe('strict query strings, path parameters and headers', () => {
  const url = '/offices/office-75/referrals/2';

  it('reads declared integers, numbers and booleans from their exact text', async () => {
    const response = await get(`${url}?overdue=true&limit=20&ratio=-0.5&need=legal`, {
      'x-page-size': '100',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      params: { officeId: 'office-75', page: 2 },
      query: { overdue: true, limit: 20, ratio: -0.5, need: ['legal'] },
      size: 100,
    });
    const defaults = await get(`${url}?overdue=false&need=legal&need=housing`);
    expect(defaults.json().query).toEqual({ overdue: false, limit: 50, need: ['legal', 'housing'] });
  });

  it('refuses any other spelling of a boolean or a number', async () => {
    const cases: [string, string][] = [
      ['overdue=1', '/querystring/overdue'],
      ['overdue=yes', '/querystring/overdue'],
      ['overdue=TRUE', '/querystring/overdue'],
      ['overdue=', '/querystring/overdue'],
      ['limit=2e1', '/querystring/limit'],
      ['limit=0x14', '/querystring/limit'],
      ['limit=%2020', '/querystring/limit'],
      ['limit=20.0', '/querystring/limit'],
      ['ratio=1e3', '/querystring/ratio'],
      ['status=Proposed', '/querystring/status'],
    ];
    for (const [query, field] of cases) {
      const response = await get(`${url}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(
        response.json().errors.map((e: { field: string }) => e.field),
        query,
      ).toEqual([field]);
    }
    const page = await get('/offices/office-75/referrals/two');
    expect(page.json().errors).toEqual([{ field: '/params/page', message: 'must be integer' }]);
    const header = await get(url, { 'x-page-size': '1e2' });
    expect(header.json().errors).toEqual([{ field: '/headers/x-page-size', message: 'must be integer' }]);
  });

  it('refuses unknown query parameters, on routes that declare none too', async () => {
    const unknown = await get(`${url}?limit=20&overdu=true`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['/querystring/overdu']);
    const none = await get('/referrals/r-1?debug=1');
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { field: string }) => e.field)).toEqual(['/querystring/debug']);
  });

  it('checks path parameters a route did not declare: stored text, bounded length', async () => {
    expect((await get('/referrals/r-1')).json()).toEqual({ params: { referralId: 'r-1' } });
    for (const id of ['r%00-1', 'x'.repeat(201)]) {
      const response = await get(`/referrals/${id}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['/params/referralId']);
    }
    const nul = await get(`${url}?status=proposed%00`);
    expect(nul.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/querystring/status',
      '/querystring/status',
    ]);
  });

  it('says in the OpenAPI document what it refuses', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const body = document.paths['/intakes'].post.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.residence.additionalProperties).toBe(false);
    expect(body.properties.court.maxLength).toBe(10_000);
    expect(body.properties.extra.additionalProperties).toEqual({ type: 'string', maxLength: 10_000 });
    const parameters = document.paths['/referrals/{referralId}'].get.parameters;
    expect(parameters).toEqual([
      expect.objectContaining({ in: 'path', name: 'referralId', schema: { type: 'string', maxLength: 200 } }),
    ]);
  });
});
