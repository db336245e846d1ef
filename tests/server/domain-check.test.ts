import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type ZoneEntry } from '../helpers/dns-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { CREATE_USER } from '../helpers/operations.js';

const ZONE: Record<string, ZoneEntry> = {
  'canary.test-dns.io': { mx: ['mx.canary.test-dns.io'] },
  'mail.acme.io': { mx: ['mx1.acme.io', 'mx2.acme.io'] },
  'web-only.acme.io': { a: ['192.0.2.10'] },
  'null-mx.acme.io': { mx: [''], a: ['192.0.2.11'] },
  'empty.acme.io': {},
  'broken.acme.io': { servfail: true },
  'slow.acme.io': { silent: true },
  // Anything else: no such domain.
};

/** The optional DNS check, against a real DNS server on loopback (no outside network needed). */
describe('email domain check', () => {
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let app: TestApp;
  beforeAll(async () => {
    dns = await startDnsServer(ZONE);
    app = await startTestApp('sqlite', { EMAIL_DOMAIN_CHECK: 'dns', DNS_SERVERS: dns.address, EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io' });
  });
  afterAll(async () => {
    await app?.stop();
    await dns?.stop();
  });

  const create = (email: string) => app.gql(CREATE_USER, { input: { name: 'Checked', email } });

  it.each([
    ['ann@mail.acme.io', 'DELIVERABLE', []],
    ['ann@web-only.acme.io', 'DELIVERABLE', []],
    ['ann@null-mx.acme.io', 'NO_MAIL_DOMAIN', ['NO_MAIL_DOMAIN']],
    ['ann@empty.acme.io', 'NO_MAIL_DOMAIN', ['NO_MAIL_DOMAIN']],
    ['ann@never-registered.acme.io', 'NO_MAIL_DOMAIN', ['NO_MAIL_DOMAIN']],
    ['ann@broken.acme.io', 'UNKNOWN', []],
    ['ann@slow.acme.io', 'UNKNOWN', []],
    ['ann@example.invalid', 'UNDELIVERABLE_RESERVED', ['UNDELIVERABLE_RESERVED']],
  ])('%s is %s, with warnings %j, and the account is created', async (email, deliverability, warnings) => {
    const r = await create(email);
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser.user.identities[0].deliverability).toBe(deliverability);
    expect(r.data.createUser.warnings.map((w: any) => w.code)).toEqual(warnings);
  });

  it('never asks DNS about reserved names, and caches answers', async () => {
    const before = dns.queries.length;
    await create('bob@mail.acme.io');
    await create('carol@mail.acme.io');
    expect(dns.queries.slice(before).filter((q) => q.startsWith('mail.acme.io'))).toEqual([]);
    expect(dns.queries.some((q) => q.includes('example.invalid'))).toBe(false);
  });

  it('checks a changed address too', async () => {
    const u = (await create('dave@mail.acme.io')).data.createUser.user;
    const r = await app.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { email: "dave@never-registered.acme.io" }) { identities { deliverability } } }',
      { id: u.id },
    );
    expect(r.data.updateUser.identities[0].deliverability).toBe('NO_MAIL_DOMAIN');
  });

  it('does not trust a resolver that says every name is missing: everything is UNKNOWN', async () => {
    const liar = await startDnsServer({});
    const other = await startTestApp('sqlite', {
      EMAIL_DOMAIN_CHECK: 'dns',
      DNS_SERVERS: liar.address,
      EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io',
    });
    try {
      const r = await other.gql(CREATE_USER, { input: { name: 'Offline', email: 'eve@mail.acme.io' } });
      expect(r.data.createUser.user.identities[0].deliverability).toBe('UNKNOWN');
      expect(r.data.createUser.warnings).toEqual([]);
    } finally {
      await other.stop();
      await liar.stop();
    }
  });

  it('does not crash or hang without a network: unreachable DNS is UNKNOWN', async () => {
    const other = await startTestApp('sqlite', { EMAIL_DOMAIN_CHECK: 'dns', DNS_SERVERS: '127.0.0.1:9' });
    try {
      const t = performance.now();
      const r = await other.gql(CREATE_USER, { input: { name: 'Offline', email: 'frank@mail.acme.io' } });
      expect(r.data.createUser.user.identities[0].deliverability).toBe('UNKNOWN');
      expect(performance.now() - t).toBeLessThan(10_000);
    } finally {
      await other.stop();
    }
  });
});

/** EMAIL_DOMAIN_CHECK=block: an address whose domain has no mail server is refused, with the near miss suggested. */
describe('email domain check in block mode', () => {
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let app: TestApp;
  beforeAll(async () => {
    // The first admin's domain (acme.io) must take mail too.
    dns = await startDnsServer({ ...ZONE, 'acme.io': { mx: ['mx.acme.io'] } });
    app = await startTestApp('sqlite', { EMAIL_DOMAIN_CHECK: 'block', DNS_SERVERS: dns.address, EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io' });
  });
  afterAll(async () => {
    await app?.stop();
    await dns?.stop();
  });

  it.each([
    ['ann@gmial.com', 'gmial.com has no mail server: did you mean gmail.com?'],
    ['ann@null-mx.acme.io', 'null-mx.acme.io has no mail server. Check the address.'],
  ])('refuses %s: %s', async (email, message) => {
    const r = await app.gql(CREATE_USER, { input: { name: 'Blocked', email } });
    expect(r.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
  });

  it('still takes deliverable, unknown and reserved addresses (the last with its warning)', async () => {
    for (const email of ['bo@mail.acme.io', 'bo@broken.acme.io', 'bo@example.invalid']) {
      const r = await app.gql(CREATE_USER, { input: { name: 'Kept', email } });
      expect(r.errors).toBeUndefined();
    }
  });
});
