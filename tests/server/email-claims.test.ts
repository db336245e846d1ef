import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER } from '../helpers/operations.js';

/**
 * An address an end user adds to their own account without proving it is a
 * claim: it blocks nobody, never signs anyone in, and goes when the
 * address's owner gets it. Verified, it is the end user's alone.
 */
const ADD = `mutation($userId: ID!, $value: String!) { addUserIdentity(userId: $userId, input: { type: EMAIL, value: $value }) { identity { id value verified primary } } }`;
const VERIFY = `mutation($id: ID!) { verifyUserIdentity(id: $id) { id verified } }`;
const ME = `{ me { id identities { value } } }`;
const HISTORY = `query($id: ID!) { user(id: $id) { identities { value } events(first: 5) { edges { node { action changes { field oldValue newValue } } } } } }`;
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`;

describe.each(testDialects())('end users claiming addresses on %s', (dialect) => {
  let app: TestApp;
  let n = 0;
  const address = () => `claimed.${++n}.${dialect}@claims.acme.io`;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  const addresses = async (auth: Parameters<TestApp['as']>[0]) => (await app.as(auth)(ME)).data.me.identities.map((i: any) => i.value);
  const signIn = (email: string, password: string) => app.as({ kind: 'anonymous' })(SIGN_IN, { e: email, p: password });

  it("an end user's unverified address blocks nobody, signs nobody in, and goes when staff give it to its owner", async () => {
    const a = await app.person('END_USER', 'Claimant');
    const x = address();
    const claimed = await app.as(a.auth)(ADD, { userId: a.id, value: x });
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data.addUserIdentity.identity).toMatchObject({ value: x, verified: false, primary: false });
    // Not a way in, with the claimant's own password.
    expect((await signIn(x, a.password)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Not the owner's: staff looking the address up find nobody.
    expect((await app.gql(`query($e: String!) { userByEmail(email: $e) { id } }`, { e: x })).data.userByEmail).toBeNull();

    const created = await app.gql(CREATE_USER, { input: { name: 'Real Owner', email: x.toUpperCase() } });
    expect(created.errors).toBeUndefined();
    expect(await addresses(a.auth)).not.toContain(x);
    const history = (await app.gql(HISTORY, { id: a.id })).data.user.events.edges.map((e: any) => e.node);
    expect(history[0]).toMatchObject({ action: 'UPDATED', changes: [{ field: 'emails', oldValue: x, newValue: null }] });
    expect((await app.gql(`query($e: String!) { userByEmail(email: $e) { name } }`, { e: x })).data.userByEmail).toEqual({ name: 'Real Owner' });
  });

  it('staff adding the address to someone, or verifying another claim of it, also drop a claim', async () => {
    const a = await app.person('END_USER');
    const b = await app.person('END_USER');
    const owner = (await app.gql(CREATE_USER, { input: { name: 'Owner', email: address() } })).data.createUser.user;
    const x = address();
    // Two end users may claim one address: neither owns it.
    expect((await app.as(a.auth)(ADD, { userId: a.id, value: x })).errors).toBeUndefined();
    const bClaim = await app.as(b.auth)(ADD, { userId: b.id, value: x });
    expect(bClaim.errors).toBeUndefined();
    // Staff verify B's claim: B owns it, A's claim goes, and B signs in with it.
    expect((await app.gql(VERIFY, { id: bClaim.data.addUserIdentity.identity.id })).data.verifyUserIdentity.verified).toBe(true);
    expect(await addresses(a.auth)).not.toContain(x);
    expect((await signIn(x, b.password)).data?.signIn.id).toBe(b.id);
    // Now it is taken, for staff as for anyone.
    expect((await app.gql(ADD, { userId: owner.id, value: x })).errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: b.id });

    const y = address();
    expect((await app.as(a.auth)(ADD, { userId: a.id, value: y })).errors).toBeUndefined();
    expect((await app.gql(ADD, { userId: owner.id, value: y })).errors).toBeUndefined();
    expect(await addresses(a.auth)).not.toContain(y);
  });

  it('the other way round: an address someone owns cannot be claimed, nor used by the claimant to sign in', async () => {
    const a = await app.person('END_USER');
    const x = address();
    const created = await app.gql(CREATE_USER, { input: { name: 'First Owner', email: x } });
    const ownerId = created.data.createUser.user.id;
    const refused = await app.as(a.auth)(ADD, { userId: a.id, value: x.toUpperCase() });
    expect(refused.errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
    expect(await addresses(a.auth)).not.toContain(x);
    expect((await signIn(x, a.password)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The owner keeps it.
    expect((await app.gql(`query($e: String!) { userByEmail(email: $e) { id } }`, { e: x })).data.userByEmail.id).toBe(ownerId);
    // And a second claim of one's own address is refused, as a duplicate of one's own.
    const y = address();
    expect((await app.as(a.auth)(ADD, { userId: a.id, value: y })).errors).toBeUndefined();
    expect((await app.as(a.auth)(ADD, { userId: a.id, value: y })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
  });
});
