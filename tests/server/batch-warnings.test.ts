import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer } from '../helpers/dns-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

/**
 * createUsers and upsertUsers (a new account, or a match given new values) answer the warnings createUser answers for
 * the same values, of every kind: a reserved address, a domain without a mail server (the DNS check, against a DNS
 * server on loopback), an address the block list holds or refuses, a number another account holds.
 */
const ZONE = {
  'canary.test-dns.io': { mx: ['mx.canary.test-dns.io'] },
  'mail.acme.io': { mx: ['mx.acme.io'] },
  'held.acme.io': { mx: ['mx.held.acme.io'] },
  'partner.acme.io': { mx: ['mx.partner.acme.io'] },
  // Anything else (gone.acme.io, nomx.acme.io): no such domain.
};
const HOLDER_PHONE = '+33 1 42 68 53 11';

/** Each case: the domain of the address (the local part is the path's own), a phone, and what createUser warns about. */
const CASES = [
  { key: 'reserved', domain: 'example.invalid', codes: ['UNDELIVERABLE_RESERVED'] },
  { key: 'nomail', domain: 'gone.acme.io', codes: ['NO_MAIL_DOMAIN'] },
  { key: 'held', domain: 'held.acme.io', codes: ['BLOCKED_ADDRESS'] },
  { key: 'refused', domain: 'nomx.acme.io', codes: ['NO_MAIL_DOMAIN', 'BLOCKED_ADDRESS'] },
  { key: 'phone', domain: 'mail.acme.io', phone: HOLDER_PHONE, codes: ['SHARED_PHONE'] },
  { key: 'all', domain: 'held.acme.io', phone: HOLDER_PHONE, codes: ['SHARED_PHONE', 'BLOCKED_ADDRESS'] },
  // On the block list, but an organization's domain: allowed, nothing to say.
  { key: 'partner', domain: 'partner.acme.io', codes: [] },
  { key: 'clean', domain: 'mail.acme.io', codes: [] },
];
const WARNINGS = 'warnings { code field message existingUserId }';

describe.each(testDialects())('the warnings of createUsers and upsertUsers are createUser’s, on %s', (dialect) => {
  let app: TestApp;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let holderId = '';
  beforeAll(async () => {
    dns = await startDnsServer(ZONE);
    app = await startTestApp(dialect, { EMAIL_DOMAIN_CHECK: 'dns', DNS_SERVERS: dns.address, EMAIL_DOMAIN_CHECK_CANARY: 'canary.test-dns.io' });
    const set = await app.as(app.admin)('mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { version } }', {
      i: { blockList: ['suspend:held.acme.io', 'reject:nomx.acme.io', 'reject:partner.acme.io'] },
    });
    expect(set.errors).toBeUndefined();
    const org = await app.as(app.admin)('mutation { createOrganization(input: { name: "Partner", domains: ["partner.acme.io"] }) { id } }');
    expect(org.errors).toBeUndefined();
    const holder = await app.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } ${WARNINGS} } }`, {
      i: { name: 'Desk Holder', email: 'desk.holder@mail.acme.io', phone: HOLDER_PHONE },
    });
    expect(holder.data.createUser.warnings).toEqual([]);
    holderId = holder.data.createUser.user.id;
  });
  afterAll(async () => {
    await app?.stop();
    await dns?.stop();
  });

  /** The warnings with the path's own local part made alike (the address is in some messages). */
  const alike = (warnings: any[], local: string) => warnings.map((w) => ({ ...w, message: w.message.replaceAll(local, '<local>') }));

  it('a new account: createUsers and upsertUsers give createUser’s warnings, codes, fields and words', async () => {
    for (const c of CASES) {
      const input = (path: string) => ({ name: `Warned ${c.key}`, email: `${path}.${c.key}@${c.domain}`, ...(c.phone ? { phone: c.phone } : {}) });
      const one = await app.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { ${WARNINGS} } }`, { i: input('one') });
      expect(one.errors, c.key).toBeUndefined();
      const expected = alike(one.data.createUser.warnings, `one.${c.key}`);
      expect(
        expected.map((w) => w.code),
        c.key,
      ).toEqual(c.codes);
      const many = await app.gql(`mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { status ${WARNINGS} } }`, { i: [input('many')] });
      expect(many.data.createUsers[0].status, c.key).toBe('CREATED');
      expect(alike(many.data.createUsers[0].warnings, `many.${c.key}`), c.key).toEqual(expected);
      // upsertUsers matches by phone number: a number someone holds finds them (an update, below), never a new account.
      if (c.phone) continue;
      const upsert = await app.gql(`mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { status ${WARNINGS} } }`, {
        i: [{ ...input('upsert'), externalId: `upsert-${c.key}` }],
      });
      expect(upsert.data.upsertUsers[0].status, c.key).toBe('CREATED');
      expect(alike(upsert.data.upsertUsers[0].warnings, `upsert.${c.key}`), c.key).toEqual(expected);
    }
    // The words say what it is about: the held and the refused addresses, the number and its holder.
    const all = await app.gql(`mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { ${WARNINGS} } }`, {
      i: [
        { name: 'Held', email: 'words.held@held.acme.io' },
        { name: 'Refused', email: 'words.refused@nomx.acme.io', phone: HOLDER_PHONE },
      ],
    });
    const [held, refused] = all.data.createUsers;
    expect(held.warnings).toEqual([
      {
        code: 'BLOCKED_ADDRESS',
        field: 'email',
        message: expect.stringMatching(/^words\.held@held\.acme\.io .*made.*held for review/),
        existingUserId: null,
      },
    ]);
    expect(refused.warnings).toEqual([
      { code: 'NO_MAIL_DOMAIN', field: 'email', message: expect.stringContaining('nomx.acme.io'), existingUserId: null },
      { code: 'SHARED_PHONE', field: 'phone', message: expect.stringContaining('Desk Holder'), existingUserId: holderId },
      {
        code: 'BLOCKED_ADDRESS',
        field: 'email',
        message: expect.stringMatching(/^words\.refused@nomx\.acme\.io .*made.*refused/),
        existingUserId: null,
      },
    ]);
  });

  it('an update by upsertUsers to those values: the same warnings; the block list’s for an account that was there already', async () => {
    for (const c of CASES) {
      const first = await app.gql(`mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { status ${WARNINGS} } }`, {
        i: [{ name: `Later ${c.key}`, email: `first.${c.key}@mail.acme.io`, externalId: `later-${c.key}` }],
      });
      expect(first.data.upsertUsers[0]).toMatchObject({ status: 'CREATED', warnings: [] });
      const values = (path: string) => ({ email: `${path}.${c.key}@${c.domain}`, ...(c.phone ? { phone: c.phone } : {}) });
      const one = await app.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { ${WARNINGS} } }`, {
        i: { name: `Compared ${c.key}`, ...values('cmp') },
      });
      const created = alike(one.data.createUser.warnings, `cmp.${c.key}`);
      const later = await app.gql(`mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { status ${WARNINGS} } }`, {
        i: [{ externalId: `later-${c.key}`, ...values('later') }],
      });
      expect(later.data.upsertUsers[0].status, c.key).toBe('UPDATED');
      const updated = alike(later.data.upsertUsers[0].warnings, `later.${c.key}`);
      expect(
        updated.map((w) => [w.code, w.field, w.existingUserId]),
        c.key,
      ).toEqual(created.map((w) => [w.code, w.field, w.existingUserId]));
      for (const [i, w] of updated.entries()) {
        // The account was not made by this write: the block list's words say so, the others are the create's.
        if (w.code === 'BLOCKED_ADDRESS') {
          expect(w.message).not.toMatch(/made/);
          expect(w.message).toMatch(c.domain === 'held.acme.io' ? /^<local>@held\.acme\.io .*held for review/ : /^<local>@nomx\.acme\.io .*refused/);
        } else expect(w.message, c.key).toBe(created[i].message);
      }
      // Given again, nothing is written and nothing warned about.
      const again = await app.gql(`mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { status ${WARNINGS} } }`, {
        i: [{ externalId: `later-${c.key}`, ...values('later') }],
      });
      expect(again.data.upsertUsers[0], c.key).toMatchObject({ status: 'UNCHANGED', warnings: [] });
    }
  });
});
