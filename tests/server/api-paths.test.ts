import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The API's paths answer in the API's JSON error format whatever is asked of them: a path no route takes is
 * 404 NOT_FOUND, a known path with another method 405 METHOD_NOT_ALLOWED with Allow, a query string that is
 * not UTF-8 400, while the admin app's own routes keep its page and a missing asset keeps its 404.
 * (Only HTTP plumbing: SQLite is enough.)
 */
describe('API paths', () => {
  let app: TestApp;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'accueil-api-paths-'));

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>the admin app</p>');
    app = await startTestApp('sqlite', { STATIC_DIR: dir });
    token = (await app.token(['USERS_READ', 'USERS_WRITE', 'IMPORT'])).auth.token;
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, accept: 'text/html,*/*', ...headers } });

  const jsonError = async (res: Response) => {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: expect.any(String) } }] });
    return body.errors[0];
  };

  it.each([
    ['POST', '/exports/users.csv', 'GET, HEAD'],
    ['DELETE', '/exports/users.csv', 'GET, HEAD'],
    ['GET', '/inbound/email', 'POST'],
    ['PUT', '/inbound/email', 'POST'],
    ['GET', '/imports/users', 'POST'],
    ['POST', '/imports/users/1/failed-rows.csv', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['PUT', '/graphql', 'GET, HEAD, POST'],
    ['DELETE', '/graphql', 'GET, HEAD, POST'],
  ])('%s %s is 405 METHOD_NOT_ALLOWED with Allow: %s, as JSON', async (method, path, allow) => {
    const res = await call(method, path);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    const e = await jsonError(res);
    expect(e.extensions.code).toBe('METHOD_NOT_ALLOWED');
    expect(e.message).toContain(method);
  });

  it.each([
    ['GET', '/graphql/x'],
    ['POST', '/graphql/x'],
    ['GET', '/exports/nothing.csv'],
    ['GET', '/exports'],
    ['GET', '/imports/nothing'],
    ['POST', '/inbound/sms'],
    ['GET', '/healthz/deep'],
  ])('%s %s is 404 NOT_FOUND, as JSON (never the HTML page or the admin app)', async (method, path) => {
    const res = await call(method, path);
    expect(res.status).toBe(404);
    expect((await jsonError(res)).extensions.code).toBe('NOT_FOUND');
  });

  it('writes those errors in the asker’s language', async () => {
    const res = await call('POST', '/exports/users.csv', { 'accept-language': 'fr' });
    expect((await jsonError(res)).message).toMatch(/^La méthode POST n’est pas permise ici/);
  });

  it('keeps the admin app on its own routes and a missing asset’s 404', async () => {
    for (const path of ['/users/12', '/graphqlish', '/exportsx']) {
      const page = await call('GET', path);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('the admin app');
    }
    const asset = await call('GET', '/assets/gone-123.js', { accept: '*/*' });
    expect(asset.status).toBe(404);
    expect(await asset.text()).not.toContain('the admin app');
  });

  it.each([
    '/exports/users.csv?query=%FF',
    '/exports/users.csv?query=a%C3%28',
    '/exports/users.csv?%FF=x',
    '/imports/users/1/failed-rows.csv?x=%ED%A0%80',
  ])('refuses a query string that is not UTF-8 (%s) with 400, never reading it as U+FFFD', async (path) => {
    const res = await call('GET', path);
    expect(res.status).toBe(400);
    const e = await jsonError(res);
    expect(e.extensions.code).toBe('BAD_REQUEST');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('still takes a UTF-8 query string, escaped or not', async () => {
    for (const q of ['%C3%A9mile', '%E2%82%AC', 'plain+words', '100%25']) {
      const res = await call('GET', `/exports/users.csv?query=${q}`);
      expect(res.status, q).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('answers GraphQL over GET and POST as before', async () => {
    const post = await call('POST', '/graphql', { 'content-type': 'application/json' });
    expect(post.status).toBe(400);
    const get = await call('GET', `/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      'apollo-require-preflight': '1',
      accept: 'application/json',
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
