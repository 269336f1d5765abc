import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { DevIssuer } from './dev-issuer.ts';
import { requireAssociation, requireRole } from './plugin.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.app.get(
    '/associations/:associationId/files',
    {
      schema: { params: Type.Object({ associationId: Type.String() }) },
      preHandler: requireRole('caseworker', 'association-manager', 'auditor', 'admin'),
    },
    async (request) => {
      const actor = requireAssociation(request, request.params.associationId);
      return { association: request.params.associationId, reader: actor.id };
    },
  );
  t.app.get('/me', async (request) => request.actor);
  await t.app.ready();
});
afterAll(() => t.close());

const files75 = '/associations/asso-75/files';

async function expectProblem(
  response: Awaited<ReturnType<TestApp['app']['inject']>>,
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ status, code, type: `urn:parcours:problem:${code}`, instance: files75 });
  expect(body.title).toBeTypeOf('string');
  return body;
}

describe('authentication', () => {
  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const response = await t.app.inject({ method: 'GET', url: files75 });
    await expectProblem(response, 401, 'unauthorized');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="parcours"');
  });

  it('rejects a token signed by another key', async () => {
    const forger = await DevIssuer.create({ issuer: 'test-issuer', audience: 'test-audience' });
    const response = await t.app.inject({
      method: 'GET',
      url: files75,
      headers: { authorization: `Bearer ${await forger.sign('caseworker')}` },
    });
    await expectProblem(response, 401, 'unauthorized');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="parcours", error="invalid_token"');
  });

  it('rejects an expired token', async () => {
    const token = await t.issuer.sign('caseworker', { expiresIn: -120 });
    const response = await t.app.inject({
      method: 'GET',
      url: files75,
      headers: { authorization: `Bearer ${token}` },
    });
    await expectProblem(response, 401, 'unauthorized');
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('rejects a token for another audience or issuer', async () => {
    for (const options of [{ audience: 'another-service' }, { issuer: 'someone-else' }]) {
      const token = await t.issuer.sign('caseworker', options);
      const response = await t.app.inject({
        method: 'GET',
        url: files75,
        headers: { authorization: `Bearer ${token}` },
      });
      await expectProblem(response, 401, 'unauthorized');
    }
  });

  it('rejects a token whose roles are not Parcours roles', async () => {
    const token = await t.issuer.sign({ sub: 'x', name: 'X', roles: ['superuser' as 'admin'] });
    const response = await t.app.inject({
      method: 'GET',
      url: files75,
      headers: { authorization: `Bearer ${token}` },
    });
    await expectProblem(response, 401, 'unauthorized');
  });

  it('decorates request.actor from the verified claims', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/me', headers: await t.auth('caseworker') });
    expect(response.json()).toEqual({
      id: 'dev-caseworker',
      name: 'Camille Jurist',
      roles: ['caseworker'],
      association: 'asso-75',
      office: 'office-75-bav',
    });
  });
});

describe('authorisation', () => {
  it('lets a caseworker reach their own association', async () => {
    const response = await t.app.inject({ method: 'GET', url: files75, headers: await t.auth('caseworker') });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ association: 'asso-75', reader: 'dev-caseworker' });
  });

  it('answers 403 to a role the route does not allow', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: files75,
      headers: await t.auth('federation-analyst'),
    });
    const body = await expectProblem(response, 403, 'role_not_allowed');
    expect(body.detail).toContain('caseworker');
  });

  it('answers 403 to a caseworker of another association', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: files75,
      headers: await t.auth('caseworker-69'),
    });
    await expectProblem(response, 403, 'association_out_of_scope');
  });

  it('lets an admin cross associations but keeps an association auditor in theirs', async () => {
    const admin = await t.app.inject({
      method: 'GET',
      url: '/associations/asso-69/files',
      headers: await t.auth('admin'),
    });
    expect(admin.statusCode).toBe(200);
    const auditor = await t.app.inject({
      method: 'GET',
      url: '/associations/asso-69/files',
      headers: await t.auth('auditor'),
    });
    expect(auditor.statusCode).toBe(403);
  });

  it('keeps health and documentation public', async () => {
    for (const url of ['/health/live', '/docs/json', '/docs']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeLessThan(400);
    }
  });
});
