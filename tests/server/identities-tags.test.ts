import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER, GET_USER, UPDATE_USER } from '../helpers/operations.js';
import { importFile } from '../helpers/imports.js';

const IDENTITY = 'id type value displayValue primary verified shared deliverability sharedWith { id name }';
const ADD = `mutation($userId: ID!, $input: AddUserIdentityInput!) { addUserIdentity(userId: $userId, input: $input) {
  identity { ${IDENTITY} } user { id email phone identities { ${IDENTITY} } } warnings { code field message existingUserId } } }`;
const REMOVE = `mutation($id: ID!) { removeUserIdentity(id: $id) { id email phone identities { ${IDENTITY} } } }`;
const PRIMARY = `mutation($id: ID!) { makeUserIdentityPrimary(id: $id) { id email phone verified identities { ${IDENTITY} } } }`;
const VERIFY = `mutation($id: ID!) { verifyUserIdentity(id: $id) { ${IDENTITY} } }`;
const BY_EMAIL = `query($email: String!) { userByEmail(email: $email) { id name } }`;
const TAGS = `query($query: String, $first: Int) { tags(query: $query, first: $first) { name count } }`;
const FILTER = `query($query: String, $tags: [String!], $organizationId: ID, $first: Int) {
  users(query: $query, tags: $tags, organizationId: $organizationId, first: $first) { totalCount edges { node { id name } } } }`;

let seq = 0;
const email = (p = 'id') => `${p}${++seq}.${Date.now()}@acme.io`;
// French mobile numbers (+33 6 12 and 6 digits), unique per run and per call.
const run = String(Date.now() % 10_000).padStart(4, '0');
const phone = () => {
  const d = `${run}${String(++seq % 100).padStart(2, '0')}`;
  return `+33 6 12 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)}`;
};
const e164 = (p: string) => p.replace(/\s/g, '');

describe.each(testDialects())('identities and tags on %s', (dialect) => {
  let app: TestApp;
  const createUser = async (input: Record<string, unknown>) => {
    const r = await app.gql(CREATE_USER, { input: { email: email(), ...input } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser;
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  describe('emails', () => {
    it('adds secondary emails, finds the user by any of them, and keeps them unique across users in any letter case', async () => {
      const { user } = await createUser({ name: 'Multi' });
      const second = email('second');
      const r = await app.gql(ADD, {
        userId: user.id,
        input: { type: 'EMAIL', value: `  ${second.toUpperCase().replace('@ACME.IO', '@acme.io')} ` },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data.addUserIdentity.identity).toMatchObject({ type: 'EMAIL', primary: false, verified: false, shared: false });
      expect(r.data.addUserIdentity.user.email).toBe(user.email);
      expect(r.data.addUserIdentity.user.identities.filter((i: any) => i.type === 'EMAIL')).toHaveLength(2);
      for (const address of [user.email, second, second.toUpperCase()]) {
        expect((await app.gql(BY_EMAIL, { email: address })).data.userByEmail).toEqual({ id: user.id, name: 'Multi' });
      }
      expect((await app.gql(BY_EMAIL, { email: 'nobody@acme.io' })).data.userByEmail).toBeNull();
      expect((await app.gql(BY_EMAIL, { email: 'not an address' })).data.userByEmail).toBeNull();
      // Search by the secondary address finds them too.
      const found = await app.gql(FILTER, { query: second.slice(0, 10) });
      expect(found.data.users.edges.map((e: any) => e.node.id)).toContain(user.id);

      const other = (await createUser({ name: 'Other' })).user;
      const taken = await app.gql(ADD, { userId: other.id, input: { type: 'EMAIL', value: second.toUpperCase() } });
      expect(taken.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', field: 'value', existingUserId: user.id, existingUserName: 'Multi' });
      const primaryTaken = await app.gql(CREATE_USER, { input: { name: 'Copy', email: second } });
      expect(primaryTaken.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: user.id });
      const own = await app.gql(ADD, { userId: user.id, input: { type: 'EMAIL', value: second } });
      expect(own.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    });

    it('makes a secondary address primary when updateUser names it as the email, keeping the old one', async () => {
      const { user } = await createUser({ name: 'Promote' });
      const second = email('promote');
      await app.gql(ADD, { userId: user.id, input: { type: 'EMAIL', value: second } });
      const r = await app.gql(UPDATE_USER, { id: user.id, input: { email: second.toUpperCase().replace('@ACME.IO', '@acme.io') } });
      expect(r.errors).toBeUndefined();
      const emails = r.data.updateUser.identities.filter((i: any) => i.type === 'EMAIL');
      expect(emails.map((i: any) => [i.value.toLowerCase(), i.primary])).toEqual([
        [second, true],
        [user.email.toLowerCase(), false],
      ]);
      expect(r.data.updateUser.email.toLowerCase()).toBe(second);
    });

    it.each(['no-at-sign', 'a b@acme.io', 'x@localhost', '"q"@acme.io', 'x@[10.0.0.1]', ''])(
      'refuses the address %j and adds nothing',
      async (bad) => {
        const { user } = await createUser({ name: 'Strict' });
        const r = await app.gql(ADD, { userId: user.id, input: { type: 'EMAIL', value: bad } });
        expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
        expect((await app.gql(GET_USER, { id: user.id })).data.user.identities).toHaveLength(1);
      },
    );

    it('warns about a reserved address added as a secondary email', async () => {
      const { user } = await createUser({ name: 'Reserved' });
      const r = await app.gql(ADD, { userId: user.id, input: { type: 'EMAIL', value: `r${++seq}@example.invalid` } });
      expect(r.data.addUserIdentity.identity.deliverability).toBe('UNDELIVERABLE_RESERVED');
      expect(r.data.addUserIdentity.warnings).toEqual([expect.objectContaining({ code: 'UNDELIVERABLE_RESERVED', field: 'value' })]);
    });

    it('makes another email primary, never removes the primary one, and removes the others', async () => {
      const { user } = await createUser({ name: 'Switch', verified: true });
      const second = email('sw');
      const added = (await app.gql(ADD, { userId: user.id, input: { type: 'EMAIL', value: second } })).data.addUserIdentity.identity;
      const primaryId = (await app.gql(GET_USER, { id: user.id })).data.user.identities.find((i: any) => i.primary && i.type === 'EMAIL').id;
      const refused = await app.gql(REMOVE, { id: primaryId });
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      const switched = await app.gql(PRIMARY, { id: added.id });
      expect(switched.data.makeUserIdentityPrimary).toMatchObject({ email: second, verified: false });
      const removed = await app.gql(REMOVE, { id: primaryId });
      expect(removed.data.removeUserIdentity.identities.map((i: any) => i.value)).toEqual([second]);
      // The removed address is free for someone else.
      expect((await app.gql(CREATE_USER, { input: { name: 'Reuse', email: user.email } })).errors).toBeUndefined();
      expect((await app.gql(REMOVE, { id: '99999999' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('lets an end user add their own address but make only a verified one primary; staff verify', async () => {
      const me = await app.person('END_USER', 'Self Service');
      const asMe = app.as(me.auth);
      const mine = email('mine');
      // An end user cannot vouch for an address: asking to is refused, naming `verified`, and adds nothing.
      const vouched = await asMe(ADD, { userId: me.id, input: { type: 'EMAIL', value: mine, verified: true } });
      expect(vouched.data).toBeNull();
      expect(vouched.errors?.[0]).toMatchObject({
        message: 'Only agents and admins can mark an address as verified.',
        extensions: { code: 'FORBIDDEN', field: 'verified' },
      });
      const stored = async () =>
        Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM user_identities WHERE user_id = ?', [Number(me.id)]))[0].n);
      expect(await stored()).toBe(1);
      // verified: false asks for nothing and is taken.
      const added = await asMe(ADD, { userId: me.id, input: { type: 'EMAIL', value: mine, verified: false } });
      expect(added.errors).toBeUndefined();
      expect(added.data.addUserIdentity.identity.verified).toBe(false);
      expect(await stored()).toBe(2);
      const id = added.data.addUserIdentity.identity.id;
      expect((await asMe(PRIMARY, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await asMe(VERIFY, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const agent = await app.person('AGENT');
      expect((await app.as(agent.auth)(VERIFY, { id })).data.verifyUserIdentity.verified).toBe(true);
      const now = await asMe(PRIMARY, { id });
      expect(now.errors).toBeUndefined();
      expect(now.data.makeUserIdentityPrimary).toMatchObject({ email: mine, verified: true });
      // Not on someone else's account, and without learning whether an identity exists.
      const other = (await createUser({ name: 'Not Mine' })).user;
      expect((await asMe(ADD, { userId: other.id, input: { type: 'EMAIL', value: email() } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const otherIdentity = (await app.gql(GET_USER, { id: other.id })).data.user.identities[0].id;
      expect((await asMe(REMOVE, { id: otherIdentity })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await app.gql(GET_USER, { id: other.id })).data.user.identities).toHaveLength(1);
    });

    it('keeps agents off admin accounts and anonymous callers out', async () => {
      const agent = await app.person('AGENT');
      const admin = await app.person('ADMIN');
      const r = await app.as(agent.auth)(ADD, { userId: admin.id, input: { type: 'EMAIL', value: email() } });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const anon = await app.as({ kind: 'anonymous' })(ADD, { userId: admin.id, input: { type: 'EMAIL', value: email() } });
      expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const readOnly = await app.token(['USERS_READ']);
      expect((await app.as(readOnly.auth)(ADD, { userId: admin.id, input: { type: 'EMAIL', value: email() } })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await app.gql(GET_USER, { id: admin.id })).data.user.identities).toHaveLength(1);
    });
  });

  describe('phone numbers', () => {
    it('stores the profile phone as the primary phone identity', async () => {
      const p = phone();
      const { user } = await createUser({ name: 'Caller', phone: p });
      expect(user.phone).toBe(e164(p));
      expect(user.identities.filter((i: any) => i.type === 'PHONE')).toEqual([
        expect.objectContaining({ value: e164(p), displayValue: p, primary: true, shared: false }),
      ]);
      const next = phone();
      const changed = (await app.gql(UPDATE_USER, { id: user.id, input: { phone: next } })).data.updateUser;
      expect(changed.phone).toBe(e164(next));
      expect(changed.identities.filter((i: any) => i.type === 'PHONE').map((i: any) => i.value)).toEqual([e164(next)]);
      const cleared = (await app.gql(UPDATE_USER, { id: user.id, input: { phone: null } })).data.updateUser;
      expect(cleared.phone).toBeNull();
      expect(cleared.identities.filter((i: any) => i.type === 'PHONE')).toEqual([]);
    });

    it('keeps a number another user has as a shared number, with a notice naming the owner', async () => {
      const p = phone();
      const owner = (await createUser({ name: 'Front Desk', phone: p })).user;
      const second = await createUser({ name: 'Colleague', phone: e164(p) });
      expect(second.warnings).toEqual([expect.objectContaining({ code: 'SHARED_PHONE', field: 'phone', existingUserId: owner.id })]);
      expect(second.warnings[0].message).toContain('Front Desk');
      const shared = second.user.identities.find((i: any) => i.type === 'PHONE');
      expect(shared).toMatchObject({ value: e164(p), shared: true, primary: true });

      const third = (await createUser({ name: 'Third' })).user;
      const added = await app.gql(ADD, { userId: third.id, input: { type: 'PHONE', value: p } });
      expect(added.data.addUserIdentity.warnings).toEqual([
        expect.objectContaining({ code: 'SHARED_PHONE', field: 'value', existingUserId: owner.id }),
      ]);
      expect(added.data.addUserIdentity.identity.sharedWith.map((u: any) => u.name).sort()).toEqual(['Colleague', 'Front Desk']);
      expect(added.data.addUserIdentity.user.phone).toBe(e164(p));

      // When the owner lets the number go, the oldest sharer holds it alone.
      const ownerPhone = (await app.gql(GET_USER, { id: owner.id })).data.user.identities.find((i: any) => i.type === 'PHONE');
      await app.gql(REMOVE, { id: ownerPhone.id });
      const now = (await app.gql(GET_USER, { id: second.user.id })).data.user.identities.find((i: any) => i.type === 'PHONE');
      expect(now.shared).toBe(false);
      // Searching by the number finds both holders.
      const found = await app.gql(FILTER, { query: p.slice(0, 12) });
      expect(found.data.users.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(['Third', 'Colleague']));
    });

    it('adds several numbers, switches the primary one, and refuses impossible numbers', async () => {
      const { user } = await createUser({ name: 'Two Lines' });
      const a = phone();
      const b = phone();
      const first = await app.gql(ADD, { userId: user.id, input: { type: 'PHONE', value: a } });
      expect(first.data.addUserIdentity.user.phone).toBe(e164(a));
      const second = await app.gql(ADD, { userId: user.id, input: { type: 'PHONE', value: b } });
      expect(second.data.addUserIdentity.identity.primary).toBe(false);
      const switched = await app.gql(PRIMARY, { id: second.data.addUserIdentity.identity.id });
      expect(switched.data.makeUserIdentityPrimary.phone).toBe(e164(b));
      const again = await app.gql(ADD, { userId: user.id, input: { type: 'PHONE', value: b } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
      for (const bad of ['+1 123', 'call me', '', '+33 6 12 34 56 78 90 12']) {
        const r = await app.gql(ADD, { userId: user.id, input: { type: 'PHONE', value: bad } });
        expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
      }
      // Removing the primary phone promotes the other.
      const after = await app.gql(REMOVE, { id: second.data.addUserIdentity.identity.id });
      expect(after.data.removeUserIdentity.phone).toBe(e164(a));
    });
  });

  describe('an address another account holds', () => {
    // One answer to "is it another account's?" (server/users/identity-holders.ts) for every path that adds an address:
    // an email is refused naming its holder, a number is kept as a shared one with a warning naming its holder.
    const RESULT = 'status errors { code field message } warnings { code field existingUserId }';
    const CREATE_MANY = `mutation($i: [CreateUserInput!]!) { createUsers(inputs: $i) { ${RESULT} } }`;
    const UPSERT = `mutation($i: [UpsertUserInput!]!) { upsertUsers(inputs: $i) { ${RESULT} } }`;

    it('is refused for an email, on every path, naming the holder', async () => {
      const held = email('held');
      const holder = (await createUser({ name: 'Holder Person', email: held })).user;
      const other = (await createUser({ name: 'Other Person', externalId: `other-${seq}` })).user;
      const taken = { code: 'EMAIL_TAKEN', existingUserId: holder.id };
      const spelled = held.toUpperCase().replace('@ACME.IO', '@acme.io');
      expect((await app.gql(CREATE_USER, { input: { name: 'Copy', email: spelled } })).errors?.[0].extensions).toMatchObject({
        ...taken,
        field: 'email',
      });
      expect((await app.gql(UPDATE_USER, { id: other.id, input: { email: spelled } })).errors?.[0].extensions).toMatchObject({
        ...taken,
        field: 'email',
      });
      expect((await app.gql(ADD, { userId: other.id, input: { type: 'EMAIL', value: spelled } })).errors?.[0].extensions).toMatchObject({
        ...taken,
        field: 'value',
      });
      const named = { code: 'EMAIL_TAKEN', message: expect.stringContaining('Holder Person') };
      expect((await app.gql(CREATE_MANY, { i: [{ name: 'Copy', email: spelled }] })).data.createUsers[0]).toMatchObject({
        status: 'FAILED',
        errors: [{ ...named, field: 'email' }],
      });
      // An upsert matches the account by its external id first (by the address, it would be the holder's update).
      const extra = await app.gql(UPSERT, { i: [{ externalId: other.externalId, emails: [spelled] }] });
      expect(extra.data.upsertUsers[0]).toMatchObject({ status: 'FAILED', errors: [{ ...named, field: 'emails' }] });
      const imported = await importFile(app, `name,email,external_id,emails\r\nOther Person,${other.email},${other.externalId},${spelled}\r\n`, {
        mode: 'CREATE_OR_UPDATE',
      });
      expect(imported).toMatchObject({
        status: 'DONE',
        failed: 1,
        errors: [{ line: 2, code: 'EMAIL_TAKEN', message: expect.stringContaining('Holder Person') }],
      });
      // Nothing of the refused writes was kept: the address is the holder's alone.
      expect((await app.gql(BY_EMAIL, { email: held })).data.userByEmail.id).toBe(holder.id);
      expect((await app.gql(GET_USER, { id: other.id })).data.user.identities.map((i: any) => i.value)).toEqual([other.email]);
    });

    it('is kept as a shared number for a phone, on every path, naming the holder', async () => {
      const p = phone();
      const holder = (await createUser({ name: 'Number Holder', phone: p })).user;
      const shared = { code: 'SHARED_PHONE', existingUserId: holder.id };
      expect((await createUser({ name: 'Created', phone: p })).warnings).toEqual([expect.objectContaining({ ...shared, field: 'phone' })]);
      const other = (await createUser({ name: 'Added' })).user;
      const added = await app.gql(ADD, { userId: other.id, input: { type: 'PHONE', value: p } });
      expect(added.data.addUserIdentity.warnings).toEqual([expect.objectContaining({ ...shared, field: 'value' })]);
      expect(added.data.addUserIdentity.identity).toMatchObject({ value: e164(p), shared: true });
      const many = await app.gql(CREATE_MANY, { i: [{ name: 'Batch', email: email(), phone: p }] });
      expect(many.data.createUsers[0]).toMatchObject({ status: 'CREATED', warnings: [{ ...shared, field: 'phone' }] });
      const updated = (await createUser({ name: 'Updated' })).user;
      const changed = await app.gql(UPDATE_USER, { id: updated.id, input: { phone: p } });
      expect(changed.data.updateUser.identities.find((i: any) => i.type === 'PHONE')).toMatchObject({ value: e164(p), shared: true });
      const upserted = (await createUser({ name: 'Upserted', externalId: `upserted-${seq}` })).user;
      const extra = await app.gql(UPSERT, { i: [{ externalId: upserted.externalId, phones: [p] }] });
      expect(extra.data.upsertUsers[0]).toMatchObject({ status: 'UPDATED', warnings: [{ ...shared, field: 'phones' }] });
      expect((await app.gql(GET_USER, { id: upserted.id })).data.user.identities.find((i: any) => i.type === 'PHONE')).toMatchObject({
        value: e164(p),
        shared: true,
      });
      // The holder still holds it alone.
      expect((await app.gql(GET_USER, { id: holder.id })).data.user.identities.find((i: any) => i.type === 'PHONE')).toMatchObject({ shared: false });
    });
  });

  describe('tags', () => {
    it('normalizes tags, autocompletes them most used first, and filters users by all given tags', async () => {
      const stem = `t${Date.now() % 100000}`;
      const a = (await createUser({ name: 'Tag A', tags: [`${stem} VIP`, `${stem}_eu`] })).user;
      const b = (await createUser({ name: 'Tag B', tags: [`  ${stem}_vip `] })).user;
      const c = (await createUser({ name: 'Tag C', tags: [`${stem}_EU`] })).user;
      expect(a.tags.sort()).toEqual([`${stem}_eu`, `${stem}_vip`]);
      const auto = await app.gql(TAGS, { query: stem.toUpperCase() });
      expect(auto.data.tags).toEqual([
        { name: `${stem}_eu`, count: 2 },
        { name: `${stem}_vip`, count: 2 },
      ]);
      expect((await app.gql(TAGS, { query: `${stem}_v` })).data.tags).toEqual([{ name: `${stem}_vip`, count: 2 }]);
      expect((await app.gql(TAGS, { query: stem, first: 1 })).data.tags).toHaveLength(1);
      const both = await app.gql(FILTER, { tags: [`${stem} vip`, `${stem}_eu`] });
      expect(both.data.users.edges.map((e: any) => e.node.id)).toEqual([a.id]);
      expect(both.data.users.totalCount).toBe(1);
      const vip = await app.gql(FILTER, { tags: [`${stem}_vip`] });
      expect(vip.data.users.edges.map((e: any) => e.node.id)).toEqual([b.id, a.id]);
      const withQuery = await app.gql(FILTER, { tags: [`${stem}_eu`], query: 'Tag C' });
      expect(withQuery.data.users.edges.map((e: any) => e.node.id)).toEqual([c.id]);
      expect(withQuery.data.users.totalCount).toBe(1);
      const tooLong = await app.gql(UPDATE_USER, { id: a.id, input: { tags: ['x'.repeat(81)] } });
      expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });
      const endUser = await app.person('END_USER');
      expect((await app.as(endUser.auth)(TAGS, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
