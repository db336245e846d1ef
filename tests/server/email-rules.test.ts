import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER, GET_USER } from '../helpers/operations.js';

const long = (n: number, c = 'a') => c.repeat(n);

/** Addresses no person could mean, each breaking one rule. */
const REFUSED: [string, string][] = [
  ['', 'empty'],
  ['   ', 'only spaces'],
  ['plainaddress', 'no @'],
  ['@example.org', 'no local part'],
  ['john@', 'no domain'],
  ['john@@example.org', 'two @'],
  ['john@doe@example.org', 'two @ apart'],
  ['john doe@example.org', 'space in local part'],
  ['john@exam ple.org', 'space in domain'],
  ['"john"@example.org', 'quoted local part'],
  ['"john doe"@example.org', 'quoted local part with space'],
  ['john(comment)@example.org', 'comment'],
  ['john@example.org(comment)', 'comment after domain'],
  ['john@[192.168.0.1]', 'IPv4 literal'],
  ['john@[IPv6:2001:db8::1]', 'IPv6 literal'],
  ['john@192.168.0.1', 'bare IP'],
  ['.john@example.org', 'leading dot'],
  ['john.@example.org', 'trailing dot in local part'],
  ['jo..hn@example.org', 'double dot in local part'],
  ['john@.example.org', 'leading dot in domain'],
  ['john@example.org.', 'trailing dot in domain'],
  ['john@example..org', 'double dot in domain'],
  ['john@-example.org', 'hyphen at label start'],
  ['john@example-.org', 'hyphen at label end'],
  ['john@localhost', 'no dot in domain'],
  ['john@example', 'no dot in domain (single label)'],
  ['john@example.123', 'numeric top-level domain'],
  ['john@example.c', 'one-letter top-level domain'],
  [`${long(65)}@example.org`, 'local part of 65'],
  [`a@${long(64)}.org`, 'label of 64'],
  [`${long(64)}@${long(63, 'b')}.${long(63, 'c')}.${long(63, 'd')}.org`, 'address over 254'],
  ['john\n@example.org', 'line break inside'],
  ['john@example.org\n', 'trailing line break'],
  ['\tjohn@example.org', 'leading tab'],
  ['john\u0000@example.org', 'NUL'],
  ['john@exa\u0007mple.org', 'BEL in domain'],
  ['john\u2028@example.org', 'Unicode line separator'],
  ['jo\u200bhn@example.org', 'zero-width space'],
  ['john@exa_mple.org', 'underscore in domain'],
  ['john@exam%70le.org', 'percent in domain'],
  ['john<john@example.org>', 'display name form'],
  ['john@example.org, jane@example.org', 'two addresses'],
  ['john;jane@example.org', 'semicolon'],
  ['john\\doe@example.org', 'backslash'],
  ['john@ab--cd.org', 'hyphens in label positions 3-4'],
];

/** Addresses people use, with what is stored. */
const ACCEPTED: [string, string][] = [
  ['john@acme.io', 'john@acme.io'],
  ['  John.Doe@ACME.io  ', 'John.Doe@acme.io'],
  ['john+support@acme.io', 'john+support@acme.io'],
  ["o'brien@acme.io", "o'brien@acme.io"],
  ['first_last-1@mail.acme.co.uk', 'first_last-1@mail.acme.co.uk'],
  ['x@a-b.io', 'x@a-b.io'],
  ['user@bücher.de', 'user@xn--bcher-kva.de'],
  ['user@xn--bcher-kva.ch', 'user@xn--bcher-kva.ch'],
  ['josé@acme.io', 'josé@acme.io'],
  ['用户@例子.广告', 'user-placeholder'],
  ['a!#$%&*/=?^_`{|}~-z@acme.io', 'a!#$%&*/=?^_`{|}~-z@acme.io'],
  [`${long(64)}@acme.io`, `${long(64)}@acme.io`],
  [`a@${long(63)}.io`, `a@${long(63)}.io`],
  ['1234@123.io', '1234@123.io'],
];

const RESERVED = [
  'nobody@example.invalid',
  'r1@foo.test',
  'r2@host.example',
  'r3@my.localhost',
  'r4@example.com',
  'r5@example.net',
  'r6@example.org',
  'r7@mail.example.com',
  'R8@EXAMPLE.ORG',
  'r9@deep.sub.example.net',
];

describe.each(testDialects())('email rules on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it.each(REFUSED)('refuses %j (%s) with BAD_USER_INPUT on email and creates nothing', async (email) => {
    const before = await app.gql('{ users { totalCount } }');
    const r = await app.gql(CREATE_USER, { input: { name: 'Refused', email } });
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(r.errors?.[0].message).toMatch(/\w/);
    const after = await app.gql('{ users { totalCount } }');
    expect(after.data.users.totalCount).toBe(before.data.users.totalCount);
  });

  it.each(ACCEPTED)('accepts %j', async (email, stored) => {
    const r = await app.gql(CREATE_USER, { input: { name: 'Accepted', email } });
    expect(r.errors).toBeUndefined();
    const user = r.data.createUser.user;
    if (stored !== 'user-placeholder') expect(user.email).toBe(stored);
    expect(user.email).toMatch(/^[^@]+@[a-z0-9.-]+$/); // domain stored in ASCII
    expect(user.identities[0]).toMatchObject({ type: 'EMAIL', primary: true, deliverability: 'UNKNOWN' });
    expect(r.data.createUser.warnings).toEqual([]);
    const read = await app.gql(GET_USER, { id: user.id });
    expect(read.data.user.email).toBe(user.email);
  });

  it('shows an internationalized domain in Unicode and stores it in ASCII', async () => {
    const r = await app.gql(CREATE_USER, { input: { name: 'Idn', email: 'Anna@Straße.de' } });
    const identity = r.data.createUser.user.identities[0];
    expect(identity.value).toBe('Anna@xn--strae-oqa.de');
    expect(identity.displayValue).toBe('Anna@straße.de');
  });

  it.each(RESERVED)('accepts reserved %s, marks it UNDELIVERABLE_RESERVED and warns', async (email) => {
    const r = await app.gql(CREATE_USER, { input: { name: 'No email', email } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser.user.identities[0].deliverability).toBe('UNDELIVERABLE_RESERVED');
    expect(r.data.createUser.warnings).toEqual([
      expect.objectContaining({ code: 'UNDELIVERABLE_RESERVED', field: 'email', message: expect.stringMatching(/never/) }),
    ]);
  });

  it('does not take a look-alike domain for a reserved one', async () => {
    const r = await app.gql(CREATE_USER, { input: { name: 'Look-alike', email: 'x@notexample.com' } });
    expect(r.data.createUser.user.identities[0].deliverability).toBe('UNKNOWN');
    expect(r.data.createUser.warnings).toEqual([]);
  });

  it('treats addresses that differ only in letter case as one', async () => {
    const first = await app.gql(CREATE_USER, { input: { name: 'Case One', email: 'Case.Test@Acme.org' } });
    expect(first.errors).toBeUndefined();
    for (const email of ['case.test@acme.org', 'CASE.TEST@ACME.ORG', ' case.TEST@acme.ORG ']) {
      const r = await app.gql(CREATE_USER, { input: { name: 'Case Two', email } });
      expect(r.errors?.[0].extensions).toMatchObject({
        code: 'EMAIL_TAKEN',
        existingUserId: first.data.createUser.user.id,
        existingUserName: 'Case One',
      });
    }
  });

  it('keeps a Unicode local part distinct from its ASCII look-alike', async () => {
    const a = await app.gql(CREATE_USER, { input: { name: 'Umlaut', email: 'jürgen@acme.de' } });
    const b = await app.gql(CREATE_USER, { input: { name: 'Plain', email: 'jurgen@acme.de' } });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
  });

  it('refuses a very long input without trouble', async () => {
    const r = await app.gql(CREATE_USER, { input: { name: 'Long', email: `${long(100_000)}@acme.io` } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});
