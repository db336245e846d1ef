import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.js';
import { startTestApp, tempDir, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type Received } from '../helpers/webhook-receiver.js';

// Webhooks against a real HTTP receiver on loopback (WEBHOOK_ALLOW_PRIVATE=true):
// signed events in order per user, retries, final failures, the delivery log, who
// may manage them and the write-only secret. The address rules are in webhook-ssrf.test.ts.

const SECRET = 'test-secret-0123456789abcdef';
const WEBHOOK = 'id url events secretHint createdAt updatedAt';
const DELIVERY = 'id event status attempts responseStatus lastResponse reason createdAt sentAt nextAttemptAt';

/** What a receiver checks: the HMAC of "<timestamp>.<body>" with the secret. */
function signatureOk(r: Received, secret = SECRET): boolean {
  const ts = String(r.headers['x-accueil-timestamp']);
  const want = `sha256=${createHmac('sha256', secret).update(`${ts}.${r.raw}`).digest('hex')}`;
  return r.headers['x-accueil-signature'] === want;
}

describe.each(testDialects())('webhooks, on %s', (dialect) => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const admin = () => app.as(app.admin);

  async function createWebhook(path: string, events: string[], secret: string | null = SECRET) {
    const r = await admin()(`mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret webhook { ${WEBHOOK} } } }`, {
      i: { url: `${receiver.base}${path}`, events, secret },
    });
    expect(r.errors).toBeUndefined();
    return r.data.createWebhook as { secret: string; webhook: { id: string; secretHint: string } };
  }

  async function deliveries(id: string, first = 50) {
    const r = await admin()(
      `query($id: ID!, $first: Int) { webhook(id: $id) { deliveries(first: $first) { totalCount edges { node { ${DELIVERY} } } } } }`,
      {
        id,
        first,
      },
    );
    expect(r.errors).toBeUndefined();
    return r.data.webhook.deliveries.edges.map((e: { node: unknown }) => e.node) as any[];
  }

  async function waitForDeliveries(id: string, test: (ds: any[]) => boolean) {
    const until = Date.now() + 10_000;
    for (;;) {
      const ds = await deliveries(id);
      if (test(ds)) return ds;
      if (Date.now() > until) throw new Error(`deliveries never matched: ${JSON.stringify(ds)}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  async function createUser(name: string, email: string): Promise<string> {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id;
  }

  async function dropWebhooks() {
    const list = await admin()('{ webhooks { id } }');
    for (const w of list.data.webhooks) await admin()('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: w.id });
  }

  const webhookRows = async () => Number((await app.db.ds.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE channel = 'WEBHOOK'"))[0].n);

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await startTestApp(dialect, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      OUTBOX_POLL_MS: '100',
      WEBHOOK_RETRY_SECONDS: '0.2,0.2,0.2',
      WEBHOOK_TIMEOUT_MS: '1500',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.stop();
  });
  beforeEach(async () => {
    await dropWebhooks();
    receiver.received.length = 0;
    receiver.answerWith(() => 200);
  });

  it('sends USER_CREATED, USER_UPDATED and USER_DELETED, signed, with the documented headers and body, in order', async () => {
    const { webhook } = await createWebhook('/users', ['USER_CREATED', 'USER_UPDATED', 'USER_DELETED']);
    const before = Math.floor(Date.now() / 1000);
    const id = await createUser('Hook Person', 'hook.person@hooks.acme.io');
    expect((await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Hook Renamed" }) { id } }', { id })).errors).toBeUndefined();
    expect((await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id })).errors).toBeUndefined();
    const got = await receiver.waitFor((rs) => rs.length >= 3);
    expect(got.map((r) => r.body.event)).toEqual(['USER_CREATED', 'USER_UPDATED', 'USER_DELETED']);
    for (const r of got) {
      expect(r.path).toBe('/users');
      expect(signatureOk(r)).toBe(true);
      expect(signatureOk(r, 'another-secret-0123456789')).toBe(false);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-accueil-event']).toBe(r.body.event);
      expect(r.headers['x-accueil-delivery']).toBe(r.body.id);
      const ts = Number(r.headers['x-accueil-timestamp']);
      expect(ts).toBeGreaterThanOrEqual(before);
      expect(ts).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(Object.keys(r.body).sort()).toEqual(['createdAt', 'data', 'event', 'id']);
      expect(r.body.data.user).toMatchObject({ id, role: 'END_USER' });
    }
    // A deleted customer keeps their address (reserved while they can be restored): the deletion names it.
    expect(got.map((r) => r.body.data.user.email)).toEqual(['hook.person@hooks.acme.io', 'hook.person@hooks.acme.io', 'hook.person@hooks.acme.io']);
    expect(got[0].body.data.user.name).toBe('Hook Person');
    expect(got[1].body.data.user.name).toBe('Hook Renamed');
    expect(got[2].body.data.user.deletedAt).not.toBeNull();
    const log = await waitForDeliveries(webhook.id, (ds) => ds.length === 3 && ds.every((d) => d.status === 'SENT'));
    // Newest first, one try each, the answer kept.
    expect(log.map((d) => d.event)).toEqual(['USER_DELETED', 'USER_UPDATED', 'USER_CREATED']);
    expect(log[0]).toMatchObject({ attempts: 1, responseStatus: 200, lastResponse: 'HTTP 200: thanks', reason: null });
    expect(log[0].sentAt).not.toBeNull();
  });

  it("the README's receiver check accepts real deliveries and refuses a replay, a changed body and a wrong secret", async () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Webhooks'), readme.indexOf('## Architecture'));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toBeDefined();
    const file = join(tempDir('accueil-readme-hook-'), 'verify.mjs');
    writeFileSync(file, code!);
    const { verifyAccueilWebhook } = (await import(file)) as {
      verifyAccueilWebhook: (secret: string, headers: Record<string, unknown>, raw: string, tolerance?: number) => boolean;
    };
    await createWebhook('/readme', ['USER_CREATED']);
    await createUser('Readme Reader', 'readme.reader@hooks.acme.io');
    const [r] = await receiver.waitFor((rs) => rs.length >= 1);
    expect(verifyAccueilWebhook(SECRET, r.headers, r.raw)).toBe(true);
    expect(verifyAccueilWebhook('wrong-secret-0123456789', r.headers, r.raw)).toBe(false);
    expect(verifyAccueilWebhook(SECRET, r.headers, r.raw.replace('Readme Reader', 'Readme Forger'))).toBe(false);
    // The same request replayed ten minutes later: its timestamp is too old.
    const later = Date.now() + 10 * 60_000;
    const realNow = Date.now;
    Date.now = () => later;
    try {
      expect(verifyAccueilWebhook(SECRET, r.headers, r.raw)).toBe(false);
    } finally {
      Date.now = realNow;
    }
    // A replay with a fresh timestamp but the old signature.
    expect(verifyAccueilWebhook(SECRET, { ...r.headers, 'x-accueil-timestamp': String(Math.floor(later / 1000)) }, r.raw)).toBe(false);
  });

  it("retries after a 500, a 429 and a timeout, holds the user's later events meanwhile, and the accepted one arrives once", async () => {
    const { webhook } = await createWebhook('/retry', ['USER_CREATED', 'USER_UPDATED']);
    let refusals = 0;
    receiver.answerWith((r) => (r.body?.event === 'USER_CREATED' && refusals < 3 ? ([500, 429, 'hang'] as const)[refusals++] : 200));
    const id = await createUser('Retry Person', 'retry.person@hooks.acme.io');
    expect((await app.gql('mutation($id: ID!) { updateUser(id: $id, input: { alias: "RP" }) { id } }', { id })).errors).toBeUndefined();
    const got = await receiver.waitFor((rs) => rs.some((r) => r.body.event === 'USER_UPDATED'));
    expect(got.map((r) => [r.body.event, r.answered])).toEqual([
      ['USER_CREATED', 500],
      ['USER_CREATED', 429],
      ['USER_CREATED', 0],
      ['USER_CREATED', 200],
      ['USER_UPDATED', 200],
    ]);
    // Every try of one message carries its one delivery id; each try is signed with its own timestamp.
    expect(new Set(got.slice(0, 4).map((r) => r.headers['x-accueil-delivery'])).size).toBe(1);
    expect(got.every((r) => signatureOk(r))).toBe(true);
    const log = await waitForDeliveries(webhook.id, (ds) => ds.every((d) => d.status === 'SENT'));
    expect(log.find((d) => d.event === 'USER_CREATED')).toMatchObject({ attempts: 4, status: 'SENT', responseStatus: 200 });
    expect(log.find((d) => d.event === 'USER_UPDATED')).toMatchObject({ attempts: 1, status: 'SENT' });
    // Nothing more comes: accepted once.
    await new Promise((ok) => setTimeout(ok, 400));
    expect(receiver.received.filter((r) => r.answered === 200 && r.body.event === 'USER_CREATED')).toHaveLength(1);
  });

  it('concurrent changes of one user arrive in the order they were written, the last one last, even when one is retried', async () => {
    await createWebhook('/order', ['USER_UPDATED']);
    const id = await createUser('Busy Person', 'busy.person@hooks.acme.io');
    let refusedOnce = false;
    receiver.answerWith(() => (refusedOnce ? 200 : ((refusedOnce = true), 503)));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.gql('mutation($id: ID!, $a: String!) { updateUser(id: $id, input: { alias: $a }) { id } }', { id, a: `alias ${i}` }),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const got = await receiver.waitFor((rs) => rs.filter((r) => r.answered === 200).length >= 8);
    const accepted = got.filter((r) => r.answered === 200);
    const ids = accepted.map((r) => Number(r.headers['x-accueil-delivery']));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(8);
    const now = await app.gql('query($id: ID!) { user(id: $id) { alias } }', { id });
    // What the partner app ends with is what the desk has.
    expect(accepted.at(-1)!.body.data.user.alias).toBe(now.data.user.alias);
    expect(new Set(accepted.map((r) => r.body.data.user.alias)).size).toBe(8);
    expect(got[0].answered).toBe(503);
    expect(accepted[0].headers['x-accueil-delivery']).toBe(got[0].headers['x-accueil-delivery']);
  });

  it('a 4xx answer is final: FAILED after one try, with the status and the first bytes of the answer', async () => {
    const { webhook } = await createWebhook('/gone', ['USER_CREATED']);
    const redirected = await createWebhook('/moved', ['USER_CREATED']);
    const closed = await admin()(
      'mutation { createWebhook(input: { url: "http://127.0.0.1:1/closed", events: [USER_CREATED] }) { webhook { id } } }',
    );
    receiver.answerWith((r) => (r.path === '/moved' ? 302 : 410));
    await createUser('Gone Person', 'gone.person@hooks.acme.io');
    // A redirect is an answer like any other: not followed, final.
    const [moved] = await waitForDeliveries(redirected.webhook.id, (ds) => ds[0]?.status === 'FAILED');
    expect(moved).toMatchObject({ attempts: 1, responseStatus: 302 });
    expect(moved.lastResponse).toMatch(/redirects are not followed/);
    expect(receiver.received.filter((r) => r.path === '/followed')).toHaveLength(0);
    // No connection at all is temporary: retried (three waits: four tries), then FAILED.
    const [refused] = await waitForDeliveries(closed.data.createWebhook.webhook.id, (ds) => ds[0]?.status === 'FAILED');
    expect(refused).toMatchObject({ attempts: 4, responseStatus: null });
    expect(refused.lastResponse).toMatch(/ECONNREFUSED/);
    const [failed] = await waitForDeliveries(webhook.id, (ds) => ds.length === 1 && ds[0].status === 'FAILED');
    expect(failed).toMatchObject({ event: 'USER_CREATED', attempts: 1, responseStatus: 410, sentAt: null });
    expect(failed.lastResponse).toMatch(/^HTTP 410: refused with 410: x+/);
    expect(failed.lastResponse.length).toBeLessThan(600);
    await new Promise((ok) => setTimeout(ok, 400));
    expect(receiver.received.filter((r) => r.path === '/gone')).toHaveLength(1);
  });

  it('testWebhook sends a TEST event through the outbox, logged like any delivery', async () => {
    const { webhook } = await createWebhook('/ping', ['TICKET_CREATED']);
    const r = await admin()(`mutation($id: ID!) { testWebhook(id: $id) { ${DELIVERY} } }`, { id: webhook.id });
    expect(r.errors).toBeUndefined();
    expect(r.data.testWebhook).toMatchObject({ event: 'TEST', status: 'QUEUED', attempts: 0 });
    const [got] = await receiver.waitFor((rs) => rs.length === 1);
    expect(got.headers['x-accueil-event']).toBe('TEST');
    expect(got.body).toMatchObject({ id: r.data.testWebhook.id, event: 'TEST', data: { webhookId: webhook.id } });
    expect(signatureOk(got)).toBe(true);
    await waitForDeliveries(webhook.id, (ds) => ds[0]?.status === 'SENT');
    const missing = await admin()('mutation { testWebhook(id: "999999") { id } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('tickets and organizations: a new requester comes before its ticket; creating, changing and deleting an organization', async () => {
    await createWebhook('/all', [
      'USER_CREATED',
      'TICKET_CREATED',
      'TICKET_UPDATED',
      'ORGANIZATION_CREATED',
      'ORGANIZATION_UPDATED',
      'ORGANIZATION_DELETED',
    ]);
    const t = await app.as(app.admin)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
      i: { subject: 'Printer on fire', comment: 'Help', requester: { email: 'ticket.requester@hooks.acme.io', name: 'Ticket Requester' } },
    });
    expect(t.errors).toBeUndefined();
    const ticketId = t.data.createTicket.ticket.id;
    expect(
      (await app.as(app.admin)('mutation($id: ID!) { updateTicket(id: $id, input: { status: PENDING }) { id } }', { id: ticketId })).errors,
    ).toBeUndefined();
    const org = await app.as(app.admin)('mutation { createOrganization(input: { name: "Hooked Org" }) { id } }');
    expect(org.errors).toBeUndefined();
    const orgId = org.data.createOrganization.id;
    expect(
      (await app.as(app.admin)('mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Hooked Org 2" }) { id } }', { id: orgId })).errors,
    ).toBeUndefined();
    expect((await app.as(app.admin)('mutation($id: ID!) { deleteOrganization(id: $id) }', { id: orgId })).errors).toBeUndefined();
    const got = await receiver.waitFor((rs) => rs.length >= 6);
    const events = got.map((r) => r.body.event);
    expect(events.filter((e) => e.startsWith('ORGANIZATION'))).toEqual(['ORGANIZATION_CREATED', 'ORGANIZATION_UPDATED', 'ORGANIZATION_DELETED']);
    expect(events.filter((e) => !e.startsWith('ORGANIZATION'))).toEqual(['USER_CREATED', 'TICKET_CREATED', 'TICKET_UPDATED']);
    const created = got.find((r) => r.body.event === 'TICKET_CREATED')!;
    expect(created.body.data.ticket).toMatchObject({ id: ticketId, subject: 'Printer on fire', status: 'NEW' });
    expect(created.body.data.ticket.requesterId).toBe(got.find((r) => r.body.event === 'USER_CREATED')!.body.data.user.id);
    expect(got.find((r) => r.body.event === 'TICKET_UPDATED')!.body.data.ticket.status).toBe('PENDING');
    expect(got.find((r) => r.body.event === 'ORGANIZATION_DELETED')!.body.data.organization).toMatchObject({ id: orgId, name: 'Hooked Org 2' });
  });

  it('bulk writes: one message per user and endpoint; none at all when no webhook takes the event; nothing for a rolled-back write', async () => {
    const inputs = Array.from({ length: 30 }, (_, i) => ({ name: `Bulk ${i}`, email: `bulk.${i}@hooks.acme.io` }));
    const before = await webhookRows();
    await createWebhook('/updates-only', ['USER_UPDATED']);
    const r = await app.gql('mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { status } }', { i: inputs.slice(0, 10) });
    expect(r.errors).toBeUndefined();
    expect(await webhookRows()).toBe(before);

    const a = await createWebhook('/bulk-a', ['USER_CREATED']);
    const b = await createWebhook('/bulk-b', ['USER_CREATED']);
    // Every statement sent while the batch is written: one multi-row insert for its 40 messages.
    const statements: string[] = [];
    const runner = app.db.ds.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (sql: string, ...rest: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    proto.query = function (this: unknown, sql: string, ...rest: unknown[]) {
      statements.push(sql);
      return original.call(this, sql, ...rest);
    };
    let bulk;
    try {
      bulk = await app.gql('mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { status } }', { i: inputs.slice(10) });
    } finally {
      proto.query = original;
    }
    expect(statements.filter((q) => /^INSERT INTO .outbox_messages./.test(q))).toHaveLength(1);
    // The list of subscribers is read at most once (the deliveries that start meanwhile read their own webhook by id).
    expect(statements.filter((q) => /FROM .webhooks./.test(q) && !/WHERE/.test(q)).length).toBeLessThanOrEqual(1);
    expect(bulk.data.createUsers.every((x: { status: string }) => x.status === 'CREATED')).toBe(true);
    expect(await webhookRows()).toBe(before + 40);
    const got = await receiver.waitFor((rs) => rs.length >= 40);
    expect(
      got
        .filter((x) => x.path === '/bulk-a')
        .map((x) => x.body.data.user.name)
        .sort(),
    ).toEqual(
      inputs
        .slice(10)
        .map((i) => i.name)
        .sort(),
    );
    expect(got.filter((x) => x.path === '/bulk-b')).toHaveLength(20);
    await waitForDeliveries(a.webhook.id, (ds) => ds.length === 20 && ds.every((d) => d.status === 'SENT'));
    await waitForDeliveries(b.webhook.id, (ds) => ds.length === 20 && ds.every((d) => d.status === 'SENT'));

    // A create refused (the address is taken) rolls its outbox message back with it.
    const rows = await webhookRows();
    const taken = await app.gql('mutation { createUser(input: { name: "Again", email: "bulk.10@hooks.acme.io" }) { user { id } } }');
    expect(taken.errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
    expect(await webhookRows()).toBe(rows);
  });

  it("a deleted webhook's waiting deliveries are skipped, never sent again", async () => {
    const { webhook } = await createWebhook('/deleted', ['USER_CREATED']);
    receiver.answerWith(() => 500);
    await createUser('Orphan Event', 'orphan.event@hooks.acme.io');
    await receiver.waitFor((rs) => rs.length >= 1);
    await admin()('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhook.id });
    const status = async () =>
      (await app.db.ds.query('SELECT status, reason FROM outbox_messages WHERE webhook_id = ?', [Number(webhook.id)]))[0] as {
        status: string;
        reason: string;
      };
    const until = Date.now() + 5000;
    while ((await status()).status !== 'SKIPPED' && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
    expect(await status()).toEqual({ status: 'SKIPPED', reason: 'The webhook was deleted.' });
    const tries = receiver.received.length;
    await new Promise((ok) => setTimeout(ok, 400));
    expect(receiver.received.length).toBe(tries);
  });

  it('CRUD: the secret is write-only (hint only), generated when left out, and every rule of the input is checked at once', async () => {
    const made = await createWebhook('/crud', ['USER_CREATED', 'USER_CREATED'], null);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(made.webhook).toMatchObject({ events: ['USER_CREATED'], secretHint: `…${made.secret.slice(-4)}` });
    const list = await admin()(`{ webhooks { ${WEBHOOK} } webhook(id: "${made.webhook.id}") { ${WEBHOOK} } }`);
    expect(JSON.stringify(list)).not.toContain(made.secret);
    expect(list.data.webhook).toEqual(list.data.webhooks[0]);
    const asked = await admin()('{ webhooks { secret } }');
    expect(asked.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const updated = await admin()(
      `mutation($id: ID!) { updateWebhook(id: $id, input: { events: [USER_DELETED, USER_CREATED], secret: "a-new-secret-abcdefgh-9876" }) { ${WEBHOOK} } }`,
      {
        id: made.webhook.id,
      },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateWebhook).toMatchObject({ url: `${receiver.base}/crud`, events: ['USER_CREATED', 'USER_DELETED'], secretHint: '…9876' });
    // The new secret signs what is sent from now on.
    await createUser('Signed Anew', 'signed.anew@hooks.acme.io');
    const [r] = await receiver.waitFor((rs) => rs.length === 1);
    expect(signatureOk(r, 'a-new-secret-abcdefgh-9876')).toBe(true);

    const bad = await admin()('mutation { createWebhook(input: { url: "ftp://files.acme.io/x", events: [], secret: "short" }) { secret } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(bad.errors?.[0].extensions?.errors.map((e: { field: string }) => e.field)).toEqual(['url', 'events', 'secret']);
    const urls: [string, RegExp][] = [
      ['', /required/],
      ['not a url', /spaces/],
      ['partner.acme.io/hook', /not a URL/],
      ['ftp://partner.acme.io/hook', /https:\/\//],
      ['javascript:alert(1)', /https:\/\//],
      ['https://user:pass@partner.acme.io/hook', /user name or password/],
      ['https://token@partner.acme.io/hook', /user name or password/],
      ['https://partner.acme.io/hook#frag', /fragment/],
      [`https://partner.acme.io/${'a'.repeat(2000)}`, /2000 characters/],
      ['https://partner.acme.io/a\nb', /control characters/],
    ];
    for (const [url, message] of urls) {
      const res = await admin()('mutation($u: String!) { createWebhook(input: { url: $u, events: [USER_CREATED] }) { secret } }', { u: url });
      expect(res.errors?.[0].extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      expect(res.errors?.[0].message, url).toMatch(message);
    }
    for (const secret of ['short', 'has spaces in the middle of it', 'é'.repeat(20), 'x'.repeat(256)]) {
      const res = await admin()(
        'mutation($s: String) { createWebhook(input: { url: "http://127.0.0.1:9/x", events: [USER_CREATED], secret: $s }) { secret } }',
        { s: secret },
      );
      expect(res.errors?.[0].extensions, secret).toMatchObject({ code: 'BAD_USER_INPUT', field: 'secret' });
    }
    const noEvents = await admin()('mutation($id: ID!) { updateWebhook(id: $id, input: { events: [] }) { id } }', { id: made.webhook.id });
    expect(noEvents.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    const badEvent = await admin()('mutation { createWebhook(input: { url: "http://127.0.0.1:9/x", events: [NOPE] }) { secret } }');
    expect(badEvent.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const op of [
      'updateWebhook(id: "999999", input: { events: [USER_CREATED] }) { id }',
      'deleteWebhook(id: "999999")',
      'deleteWebhook(id: "abc")',
    ]) {
      expect((await admin()(`mutation { ${op} }`)).errors?.[0].extensions?.code, op).toBe('NOT_FOUND');
    }
    expect((await admin()('{ webhook(id: "999999") { id } }')).data.webhook).toBeNull();
    expect((await admin()(`mutation { deleteWebhook(id: "${made.webhook.id}") }`)).data.deleteWebhook).toBe(true);
    expect((await admin()('{ webhooks { id } }')).data.webhooks).toEqual([]);
  });

  it("only admins signed in manage webhooks: agents, end users, anonymous callers and API tokens (even an admin's, with every scope) are refused", async () => {
    const made = await createWebhook('/roles', ['USER_CREATED']);
    const agent = await app.person('AGENT');
    const endUser = await app.person('END_USER');
    const token = await app.token(['USERS_READ', 'USERS_WRITE', 'IMPORT', 'TICKETS_READ', 'TICKETS_WRITE']);
    const ops = [
      '{ webhooks { id } }',
      `{ webhook(id: "${made.webhook.id}") { id } }`,
      'mutation { createWebhook(input: { url: "http://127.0.0.1:9/x", events: [USER_CREATED] }) { secret } }',
      `mutation { updateWebhook(id: "${made.webhook.id}", input: { url: "http://127.0.0.1:9/y" }) { id } }`,
      `mutation { testWebhook(id: "${made.webhook.id}") { id } }`,
      `mutation { deleteWebhook(id: "${made.webhook.id}") }`,
    ];
    const callers: [string, ReturnType<TestApp['as']>, string][] = [
      ['agent', app.as(agent.auth), 'FORBIDDEN'],
      ['end user', app.as(endUser.auth), 'FORBIDDEN'],
      ['admin token', app.as(token.auth), 'FORBIDDEN'],
      ['anonymous', app.as({ kind: 'anonymous' }), 'UNAUTHENTICATED'],
    ];
    for (const [who, gql, code] of callers) {
      for (const op of ops) expect((await gql(op)).errors?.[0].extensions?.code, `${who}: ${op}`).toBe(code);
    }
    // The webhook is untouched, and viewerCan says who may.
    expect((await admin()('{ webhooks { url } }')).data.webhooks).toEqual([{ url: `${receiver.base}/roles` }]);
    expect((await admin()('{ viewerCan { manageWebhooks } }')).data.viewerCan.manageWebhooks).toBe(true);
    expect((await app.as(agent.auth)('{ viewerCan { manageWebhooks } }')).data.viewerCan.manageWebhooks).toBe(false);
    expect((await app.as(token.auth)('{ viewerCan { manageWebhooks } }')).data.viewerCan.manageWebhooks).toBe(false);
    // The delivery log is the admin's only, however it is reached.
    expect((await app.as(agent.auth)(`{ webhook(id: "${made.webhook.id}") { deliveries { totalCount } } }`)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
