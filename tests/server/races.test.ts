import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Gql, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER } from '../helpers/operations.js';
import { lockWaitSeen, watched } from '../helpers/lock-wait.js';

/**
 * Rules that read and then write, raced on MySQL (SQLite serializes writes
 * and would hide these). Each race runs 20 times; every request must end in
 * the rule's answer, never a 500, and the rule must still hold afterwards.
 */
const ROUNDS = 20;

const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name role suspended } }`;
const ADD = `mutation($userId: ID!, $input: AddUserIdentityInput!) { addUserIdentity(userId: $userId, input: $input) { identity { id } } }`;
const REMOVE = `mutation($id: ID!) { removeUserIdentity(id: $id) { id } }`;
const PRIMARY = `mutation($id: ID!) { makeUserIdentityPrimary(id: $id) { id } }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
const EVENTS = `query($id: ID!) { user(id: $id) { events(first: 100) { edges { node { id action changes { field oldValue newValue } } } } } }`;

/** Every error of a set of answers, as `CODE: message`, when one is not among `allowed`. */
function unexpected(results: { errors?: { message: string; extensions?: Record<string, any> }[] }[], allowed: string[]): string[] {
  return results
    .flatMap((r) => r.errors ?? [])
    .filter((e) => !allowed.includes(e.extensions?.code))
    .map((e) => `${e.extensions?.code}: ${e.message}`);
}

const mysqlOnly = testDialects().filter((d) => d === 'mysql');

describe.each(mysqlOnly)('races on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('runs transactions at READ COMMITTED: locks on the rows read, no gap locks', async () => {
    const level = await app.db.transaction(async (m) => {
      for (const variable of ['@@transaction_isolation', '@@tx_isolation']) {
        try {
          return (await m.query(`SELECT ${variable} AS level`))[0].level;
        } catch {
          // MariaDB before 11.1 knows only tx_isolation, MySQL 8 only transaction_isolation.
        }
      }
    });
    expect(level).toBe('READ-COMMITTED');
  });

  it('making an address primary while removing it never leaves a user without a primary email', async () => {
    const created = await app.gql(CREATE_USER, { input: { name: 'Two Addresses', email: 'two.first@races.acme.io' } });
    const userId = created.data.createUser.user.id;
    for (let round = 0; round < ROUNDS; round++) {
      const added = await app.gql(ADD, { userId, input: { type: 'EMAIL', value: `two.${round}@races.acme.io`, verified: true } });
      expect(added.errors).toBeUndefined();
      const id = added.data.addUserIdentity.identity.id;
      const results = await Promise.all([app.gql(PRIMARY, { id }), app.gql(REMOVE, { id })]);
      expect(unexpected(results, ['BAD_USER_INPUT', 'NOT_FOUND'])).toEqual([]);
      const user = await app.gql(`query($id: ID!) { user(id: $id) { email identities { id type primary } } }`, { id: userId });
      const primaries = user.data.user.identities.filter((i: any) => i.type === 'EMAIL' && i.primary);
      expect(primaries).toHaveLength(1);
      expect(user.data.user.email).not.toBeNull();
    }
  });

  it('ten parallel creates naming one new organization make it once; the others use it or are told it exists', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `New Org ${round}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 3 === 2
            ? app.gql(CREATE_ORG, { input: { name } })
            : app.gql(CREATE_USER, { input: { name: `Member ${round}.${i}`, email: `member.${round}.${i}@races.acme.io`, organization: name } }),
        ),
      );
      expect(unexpected(results, ['BAD_USER_INPUT'])).toEqual([]);
      const orgs = await app.gql(`query($q: String) { organizations(query: $q, first: 10) { edges { node { id name } } } }`, { q: name });
      const named = orgs.data.organizations.edges.filter((e: any) => e.node.name === name);
      expect(named).toHaveLength(1);
      const orgId = named[0].node.id;
      for (const r of results) {
        if (r.data?.createUser) expect(r.data.createUser.user.organization?.id).toBe(orgId);
        if (r.errors) expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', existingOrganizationId: orgId });
      }
      // Every user create succeeded: the organization existed or was made for it.
      expect(results.filter((r, i) => i % 3 !== 2 && r.data?.createUser)).toHaveLength(7);
    }
  });

  it('twenty parallel renames of one user write history lines whose old values chain', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const created = await app.gql(CREATE_USER, { input: { name: `Rename ${round}.0`, email: `rename.${round}@races.acme.io` } });
      const id = created.data.createUser.user.id;
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => app.gql(UPDATE, { id, input: { name: `Rename ${round}.${i + 1}` } })));
      expect(unexpected(results, [])).toEqual([]);
      const events = (await app.gql(EVENTS, { id })).data.user.events.edges.map((e: any) => e.node).reverse();
      const renames = events.filter((e: any) => e.action === 'UPDATED').map((e: any) => e.changes.find((c: any) => c.field === 'name'));
      expect(renames).toHaveLength(20);
      let previous = `Rename ${round}.0`;
      for (const c of renames) {
        expect(c.oldValue).toBe(previous);
        previous = c.newValue;
      }
      const now = await app.gql(`query($id: ID!) { user(id: $id) { name } }`, { id });
      expect(now.data.user.name).toBe(previous);
    }
  });

  it("an end user's claim made while staff give the address to its owner never outlives the owner's arrival", async () => {
    const a = await app.person('END_USER', 'Claimant');
    const claimant = app.as(a.auth);
    for (let round = 0; round < ROUNDS; round++) {
      const x = `claim.${round}@races.acme.io`;
      const results = await Promise.all([
        claimant(ADD, { userId: a.id, input: { type: 'EMAIL', value: x } }),
        app.gql(CREATE_USER, { input: { name: `Owner ${round}`, email: x } }),
      ]);
      expect(unexpected(results, ['EMAIL_TAKEN'])).toEqual([]);
      expect(results[1].errors).toBeUndefined();
      const held = await app.db.manager.query(`SELECT user_id, unique_value FROM user_identities WHERE type = 'EMAIL' AND value_normalized = ?`, [x]);
      expect(held).toEqual([{ user_id: Number(results[1].data.createUser.user.id), unique_value: x }]);
    }
  });

  it('removing an option while someone chooses it never leaves a value of an option that is gone', async () => {
    const field = await app.gql(`mutation { createUserField(input: { key: "race_plan", title: "Plan", type: DROPDOWN,
      options: [{ title: "Free", value: "free" }, { title: "Pro", value: "pro" }] }) { id } }`);
    const fieldId = field.data.createUserField.id;
    const userId = (await app.gql(CREATE_USER, { input: { name: 'Chooser', email: 'chooser@races.acme.io' } })).data.createUser.user.id;
    const options = (titles: string[]) => titles.map((t) => ({ title: t, value: t.toLowerCase() }));
    const SET_OPTIONS = `mutation($id: ID!, $input: UpdateUserFieldInput!) { updateUserField(id: $id, input: $input) { id } }`;
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all([
        app.gql(UPDATE, { id: userId, input: { fields: [{ key: 'race_plan', value: 'pro' }] } }),
        app.gql(SET_OPTIONS, { id: fieldId, input: { options: options(['Free']) } }),
      ]);
      expect(unexpected(results, ['BAD_USER_INPUT'])).toEqual([]);
      expect(results.filter((r) => r.errors)).toHaveLength(1);
      const stored = await app.db.manager.query(
        `SELECT v.value_key FROM user_field_values v LEFT JOIN user_field_options o ON o.field_id = v.field_id AND o.value_key = v.value_key
         WHERE v.user_id = ? AND o.id IS NULL`,
        [Number(userId)],
      );
      expect(stored).toEqual([]);
      // Back to the start: the value cleared, both options there.
      expect((await app.gql(UPDATE, { id: userId, input: { fields: [{ key: 'race_plan', value: null }] } })).errors).toBeUndefined();
      expect((await app.gql(SET_OPTIONS, { id: fieldId, input: { options: options(['Free', 'Pro']) } })).errors).toBeUndefined();
    }
  });

  /**
   * Two resends (`resend`, each reading the account before its lock) while the account's row is held from the side: once
   * one waits for the row, `address` becomes the account's primary email and the row is let go. Answers their results.
   */
  const resendsWhilePrimaryMoves = async (userId: number, address: string, resend: () => Promise<GraphQLResponse>) => {
    const holder = app.db.manager.connection.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
      const resends = watched(Promise.all([resend(), resend()]));
      const waited = await lockWaitSeen((sql) => app.db.manager.query(sql), { answered: resends.settled });
      expect(waited, 'a resend answered without the row lock').toBe(true);
      await holder.query('UPDATE user_identities SET is_primary = (value = ?) WHERE user_id = ? AND type = ?', [address, userId, 'EMAIL']);
      await holder.commitTransaction();
      const results = await resends.promise;
      expect(unexpected(results, [])).toEqual([]);
      return results;
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  };
  /** A user's mails of `kind` (their recipients) and links of `purpose` (address, and whether still unused), oldest first. */
  const mailed = async (userId: number, kind: string, purpose: string) => ({
    sent: (await app.db.manager.query('SELECT recipient FROM outbox_messages WHERE user_id = ? AND kind = ? ORDER BY id', [userId, kind])).map(
      (r: { recipient: string }) => r.recipient,
    ),
    links: (
      await app.db.manager.query('SELECT email, used_at FROM account_links WHERE user_id = ? AND purpose = ? ORDER BY id', [userId, purpose])
    ).map((r: { email: string; used_at: unknown }) => [r.email, r.used_at === null ? 'unused' : 'void']),
  });

  it('resends of a verification link wait for the account and mail its primary address as it is once they hold it', async () => {
    const created = await app.gql(CREATE_USER, { input: { name: 'Moving Mailbox', email: 'old.box@races.acme.io' } });
    const userId = Number(created.data.createUser.user.id);
    const added = await app.gql(ADD, { userId: String(userId), input: { type: 'EMAIL', value: 'new.box@races.acme.io' } });
    expect(added.errors).toBeUndefined();
    // Both resends have read the account (old.box primary) and wait for its row; the holder then makes new.box the primary address.
    const results = await resendsWhilePrimaryMoves(userId, 'new.box@races.acme.io', () =>
      app.gql('mutation($id: ID!) { resendVerification(userId: $id) }', { id: String(userId) }),
    );
    expect(results.map((r) => r.data.resendVerification)).toEqual([true, true]);
    // One mail and one link each, taking turns, both to the address that is primary once they hold the account; the
    // second voided the first's link.
    expect(await mailed(userId, 'VERIFICATION', 'VERIFY')).toEqual({
      sent: ['new.box@races.acme.io', 'new.box@races.acme.io'],
      links: [
        ['new.box@races.acme.io', 'void'],
        ['new.box@races.acme.io', 'unused'],
      ],
    });
  });

  it('resends of an invitation wait for the account and mail its primary address as it is once they hold it; the last link alone works', async () => {
    const admin = app.as(app.admin);
    const invited = await admin('mutation($i: InviteTeamMemberInput!) { inviteTeamMember(input: $i) { id } }', {
      i: { name: 'Moving Invitee', email: 'old.invitee@races.acme.io', role: 'AGENT' },
    });
    const userId = Number(invited.data.inviteTeamMember.id);
    const added = await admin(ADD, { userId: String(userId), input: { type: 'EMAIL', value: 'new.invitee@races.acme.io' } });
    expect(added.errors).toBeUndefined();
    const results = await resendsWhilePrimaryMoves(userId, 'new.invitee@races.acme.io', () =>
      admin('mutation($id: ID!) { resendInvitation(userId: $id) { id } }', { id: String(userId) }),
    );
    expect(results.map((r) => r.data.resendInvitation.id)).toEqual([String(userId), String(userId)]);
    // The invitation, then one mail and one link per resend, taking turns, to the address that is primary once they hold
    // the account; each resend voided the links before it, so only the last one works.
    expect(await mailed(userId, 'INVITATION', 'INVITE')).toEqual({
      sent: ['old.invitee@races.acme.io', 'new.invitee@races.acme.io', 'new.invitee@races.acme.io'],
      links: [
        ['old.invitee@races.acme.io', 'void'],
        ['new.invitee@races.acme.io', 'void'],
        ['new.invitee@races.acme.io', 'unused'],
      ],
    });
  });

  // Last: the first admin steps down in it (the partner token of app.gql stops working after).
  it('two admins demoting or suspending each other at once leave an active admin', async () => {
    const a = await app.person('ADMIN', 'Admin A');
    const b = await app.person('ADMIN', 'Admin B');
    let gqlA: Gql = app.as(a.auth);
    let gqlB: Gql = app.as(b.auth);
    // A and B are the last two active admins: the first admin steps down.
    const firstAdmin = (await app.gql('{ me { id } }')).data.me.id;
    expect((await gqlA(UPDATE, { id: firstAdmin, input: { role: 'AGENT' } })).errors).toBeUndefined();
    const activeAdmins = async () =>
      Number((await app.db.manager.query(`SELECT COUNT(*) AS n FROM users WHERE role = 'ADMIN' AND suspended = 0 AND deleted_at IS NULL`))[0].n);
    for (let round = 0; round < ROUNDS; round++) {
      expect(await activeAdmins()).toBe(2);
      // Even rounds demote, odd rounds suspend (which also ends the other's sessions).
      const input = round % 2 === 0 ? { role: 'AGENT' } : { suspended: true };
      const results = await Promise.all([gqlA(UPDATE, { id: b.id, input }), gqlB(UPDATE, { id: a.id, input })]);
      expect(unexpected(results, ['FORBIDDEN', 'UNAUTHENTICATED'])).toEqual([]);
      expect(results.filter((r) => r.data?.updateUser)).toHaveLength(1);
      expect(await activeAdmins()).toBe(1);
      // The survivor brings the other back.
      const aWon = !!results[0].data?.updateUser;
      const [winner, loser] = aWon ? [a, b] : [b, a];
      const back = await app.as(winner.auth)(UPDATE, { id: loser.id, input: { role: 'ADMIN', suspended: false } });
      expect(back.errors).toBeUndefined();
      if (round % 2 === 1) loser.auth = await app.signIn(loser.email, loser.password);
      gqlA = app.as(a.auth);
      gqlB = app.as(b.auth);
    }
  });
});
