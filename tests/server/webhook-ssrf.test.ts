import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../helpers/databases.js';
import { startDnsServer, type ZoneEntry } from '../helpers/dns-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { postJson } from '../../server/webhooks/webhook-post.js';
import { hostResolver } from '../../server/webhooks/webhook-url.js';

// Without WEBHOOK_ALLOW_PRIVATE, webhooks never reach the desk's own machine or
// network: refused when saved (every spelling of a private address, and names
// that resolve to one, through a real DNS server the app is pointed at), and
// refused again at delivery time when a name starts resolving to one (DNS rebinding).

const PUBLIC = '93.184.216.34';

describe('a delivery to a private address, checked when it is sent', () => {
  it('refuses an IP literal saved while private addresses were allowed, and a loopback name, without connecting', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const opts = { timeoutMs: 2000, allowPrivate: false, resolve: hostResolver([]) };
      const port = new URL(receiver.base).port;
      for (const url of [`${receiver.base}/x`, `http://[::ffff:127.0.0.1]:${port}/x`, `http://localhost:${port}/x`]) {
        const r = await postJson(url, '{}', {}, opts);
        expect(r.kind, url).toBe('refused');
      }
      expect(receiver.received).toHaveLength(0);
      // The same call with private addresses allowed reaches the receiver: the refusal above is the check, not the network.
      expect(await postJson(`${receiver.base}/x`, '{}', {}, { ...opts, allowPrivate: true })).toMatchObject({ kind: 'answer', status: 200 });
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });
});

describe.each(testDialects())('webhook addresses without WEBHOOK_ALLOW_PRIVATE, on %s', (dialect) => {
  let app: TestApp;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const zone: Record<string, ZoneEntry> = {
    'internal.partner.test': { a: ['127.0.0.1'] },
    'metadata.partner.test': { a: ['169.254.169.254'] },
    'private.partner.test': { a: ['10.1.2.3'] },
    'mixed.partner.test': { a: [PUBLIC, '192.168.1.1'] },
    'public.partner.test': { a: [PUBLIC] },
    'rebind.partner.test': { a: [PUBLIC] },
    'broken.partner.test': { servfail: true },
  };
  const create = (url: string, events = '[ORGANIZATION_DELETED]') =>
    app.as(app.admin)(`mutation($u: String!) { createWebhook(input: { url: $u, events: ${events} }) { webhook { id url } } }`, { u: url });

  beforeAll(async () => {
    dns = await startDnsServer(zone);
    receiver = await startWebhookReceiver();
    app = await startTestApp(dialect, { DNS_SERVERS: dns.address, OUTBOX_POLL_MS: '100', WEBHOOK_RETRY_SECONDS: '0.1' });
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.stop();
    await dns?.stop();
  });

  const refused: [string, RegExp][] = [
    ['http://127.0.0.1/hook', /loopback address 127\.0\.0\.1/],
    ['http://127.1.2.3:8080/hook', /loopback/],
    ['http://2130706433/hook', /loopback address 127\.0\.0\.1/],
    ['http://0x7f.0.0.1/hook', /loopback/],
    ['http://[::1]/hook', /loopback address ::1/],
    ['http://[0:0:0:0:0:0:0:1]/hook', /loopback/],
    ['http://10.0.0.1/hook', /private address 10\.0\.0\.1/],
    ['http://172.16.0.1/hook', /private/],
    ['http://172.31.255.255/hook', /private/],
    ['http://192.168.1.1/hook', /private/],
    ['http://169.254.169.254/latest/meta-data', /link-local/],
    ['http://[::ffff:127.0.0.1]/hook', /loopback/],
    ['http://[::ffff:7f00:1]/hook', /loopback/],
    ['http://[::ffff:169.254.169.254]/hook', /link-local/],
    ['http://[::ffff:10.0.0.1]/hook', /private/],
    ['http://[::127.0.0.1]/hook', /loopback/],
    ['http://[64:ff9b::7f00:1]/hook', /loopback/],
    ['http://[2002:c0a8:101::]/hook', /private/],
    ['http://0.0.0.0/hook', /unspecified/],
    ['http://0/hook', /unspecified/],
    ['http://[::]/hook', /unspecified/],
    ['http://100.64.0.1/hook', /CGNAT/],
    ['http://224.0.0.1/hook', /multicast/],
    ['http://[ff02::1]/hook', /multicast/],
    ['http://[fe80::1]/hook', /link-local/],
    ['http://[fc00::1]/hook', /unique-local/],
    ['http://[fd12:3456::1]/hook', /unique-local/],
    ['http://localhost/hook', /loopback name/],
    ['http://LOCALHOST./hook', /loopback name/],
    ['http://api.localhost/hook', /loopback name/],
    ['http://internal.partner.test/hook', /resolves to a loopback address 127\.0\.0\.1/],
    ['http://metadata.partner.test/hook', /resolves to a link-local address/],
    ['http://private.partner.test/hook', /resolves to a private address 10\.1\.2\.3/],
    ['http://mixed.partner.test/hook', /resolves to a private address 192\.168\.1\.1/],
    ['http://nowhere.partner.test/hook', /no address in DNS/],
    ['http://broken.partner.test/hook', /could not be resolved/],
  ];

  it.each(refused)('refuses %s with BAD_USER_INPUT on url', async (url, why) => {
    const r = await create(url);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(r.errors?.[0].message).toMatch(why);
    expect(r.errors?.[0].message).toMatch(/WEBHOOK_ALLOW_PRIVATE/);
  });

  it('refuses a private address on update too, and keeps the old URL', async () => {
    const made = await create(`https://${PUBLIC}/hook`);
    expect(made.errors).toBeUndefined();
    const id = made.data.createWebhook.webhook.id;
    const r = await app.as(app.admin)('mutation($id: ID!) { updateWebhook(id: $id, input: { url: "http://[::ffff:127.0.0.1]:4000/" }) { url } }', {
      id,
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect((await app.as(app.admin)('query($id: ID!) { webhook(id: $id) { url } }', { id })).data.webhook.url).toBe(`https://${PUBLIC}/hook`);
  });

  it.each([
    `https://${PUBLIC}/hook`,
    'https://[2606:2800:220:1:248:1893:25c8:1946]/hook',
    'https://public.partner.test/hook',
    'http://172.32.0.1/hook',
    'http://100.128.0.1/hook',
  ])('accepts the public address %s', async (url) => {
    const r = await create(url);
    expect(r.errors).toBeUndefined();
    expect(r.data.createWebhook.webhook.url).toBe(url);
  });

  it('checks again at delivery time: a name that now resolves to 127.0.0.1 (DNS rebinding) is refused, FAILED, and never reached', async () => {
    const port = new URL(receiver.base).port;
    const made = await create(`http://rebind.partner.test:${port}/hook`, '[USER_CREATED]');
    expect(made.errors).toBeUndefined();
    zone['rebind.partner.test'] = { a: ['127.0.0.1'] };
    const user = await app.gql('mutation { createUser(input: { name: "Rebound", email: "rebound@ssrf.acme.io" }) { user { id } } }');
    expect(user.errors).toBeUndefined();
    const id = made.data.createWebhook.webhook.id;
    const read = async () =>
      (await app.as(app.admin)('query($id: ID!) { webhook(id: $id) { deliveries { edges { node { status attempts lastResponse } } } } }', { id }))
        .data.webhook.deliveries.edges;
    const until = Date.now() + 10_000;
    while ((await read())[0]?.node.status !== 'FAILED' && Date.now() < until) await new Promise((ok) => setTimeout(ok, 50));
    const [{ node }] = await read();
    expect(node).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(node.lastResponse).toMatch(/Refused: rebind\.partner\.test resolves to a loopback address 127\.0\.0\.1/);
    expect(receiver.received).toHaveLength(0);
  });
});
