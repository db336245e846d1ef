import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { ok, refused } from '../helpers/answers.js';
import { testDialects } from '../helpers/databases.js';

/**
 * A search is text people type: a lone surrogate (a JSON "\ud800" escape) is refused as BAD_USER_INPUT on
 * `query`, as `tags(query:)` refuses it, wherever a search is taken (users, a filter, a saved list, the export,
 * organizations, tickets), instead of being searched for as U+FFFD or saved in a list.
 */
describe.each(testDialects())('searches with a lone surrogate, on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  const HALVES = ['\ud800', 'a\ud800b', 'ada \udc00', 'x\udbff'];

  it.each(HALVES.map((q) => [JSON.stringify(q), q]))('refuses %s in every search', async (_label, q) => {
    refused(await app.gql('query($q: String) { tags(query: $q) { name } }', { q }), 'tags');
    refused(await app.gql('query($q: String) { users(query: $q) { totalCount } }', { q }), 'query');
    refused(await app.gql('query($f: UserFilterInput) { users(filter: $f) { totalCount } }', { f: { query: q } }), 'query');
    refused(await app.gql('query($q: String) { organizations(query: $q) { totalCount } }', { q }), 'query');
    refused(await app.as(app.admin)('query($q: String) { tickets(query: $q) { totalCount } }', { q }), 'query');
    const list = await app.gql('mutation($i: CreateCustomerListInput!) { createCustomerList(input: $i) { id } }', {
      i: { name: `Halves ${q.length}`, filter: { query: q } },
    });
    expect(refused(list, 'query')).toMatch(/surrogate/);
    expect(ok(await app.gql('{ customerLists { id } }')).customerLists).toEqual([]);
    const csv = await fetch(`${app.url}/exports/users.csv?query=${encodeURIComponent(q.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`, {
      headers: { cookie: app.admin.cookie },
    });
    expect(csv.status).toBe(400);
  });

  it('says so in the asker’s language', async () => {
    const r = await app.gql('query($q: String) { users(query: $q) { totalCount } }', { q: '\ud800' }, { 'accept-language': 'fr' });
    expect(refused(r, 'query')).toMatch(/^Une recherche ne peut pas contenir de caractère invalide/);
  });

  it('still finds with a whole pair (an emoji)', async () => {
    ok(await app.gql('mutation { createUser(input: { name: "Ada 😀", email: "ada.emoji@acme.io" }) { user { id } } }'));
    expect(ok(await app.gql('query($q: String) { users(query: $q) { totalCount } }', { q: 'ada 😀' })).users.totalCount).toBe(1);
    expect(ok(await app.as(app.admin)('query($q: String) { tickets(query: $q) { totalCount } }', { q: '😀' })).tickets.totalCount).toBe(0);
  });
});
