import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

/**
 * Rules declared once: who learns who owns an address, one rule for marking
 * an address verified, and `viewerCan` answering exactly what the server
 * then accepts.
 */
let seq = 0;
const email = (p = 'pol') => `${p}.${++seq}.${Date.now().toString(36)}@acme.io`;

const ADD = `mutation($id: ID!, $input: AddUserIdentityInput!) { addUserIdentity(userId: $id, input: $input) {
  identity { id verified shared } warnings { code field message existingUserId } } }`;
const VERIFY = 'mutation($id: ID!) { verifyUserIdentity(id: $id) { id verified } }';
const USER_CAN = `query($id: ID!) { user(id: $id) { id viewerCan { update updateOwnProfileOnly readPrivateFields delete changeRole changeVerified
  changeSuspended setPassword changeIdentities verifyIdentities makeUnverifiedEmailPrimary changeFields merge } } }`;
const VIEWER_CAN =
  '{ viewerCan { listUsers createUsers createStaff readOrganizations manageOrganizations readUserFields manageUserFields manageApiTokens changeOwnPassword restoreUsers eraseUsers } }';

describe.each(testDialects())('policies on %s', (dialect) => {
  let app: TestApp;
  let endUser: Awaited<ReturnType<TestApp['person']>>;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let owner: { id: string; email: string };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    endUser = await app.person('END_USER', 'Self Service');
    agent = await app.person('AGENT', 'Agent Smith');
    const ownerEmail = email('owner');
    const r = await app.gql(
      'mutation($e: String!) { createUser(input: { name: "Olga Owner", email: $e, phone: "+33 6 98 76 54 32" }) { user { id } } }',
      { e: ownerEmail },
    );
    owner = { id: r.data.createUser.user.id, email: ownerEmail };
  }, 120_000);
  afterAll(() => app?.stop());

  describe('who owns an address', () => {
    it('tells staff who has a taken email, and an end user only that it cannot be added', async () => {
      const staff = await app.as(agent.auth)(ADD, { id: endUser.id, input: { type: 'EMAIL', value: owner.email } });
      expect(staff.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', existingUserId: owner.id, existingUserName: 'Olga Owner' });
      const self = await app.as(endUser.auth)(ADD, { id: endUser.id, input: { type: 'EMAIL', value: owner.email.toUpperCase() } });
      expect(self.errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
      expect(self.errors?.[0].extensions).not.toHaveProperty('existingUserId');
      expect(self.errors?.[0].extensions).not.toHaveProperty('existingUserName');
      expect(self.errors?.[0].message).toBe('This address cannot be added.');
      expect(JSON.stringify(self)).not.toMatch(/Olga|Owner/);
      // A token without USERS_READ does not learn it either.
      const writer = (await app.token(['USERS_WRITE'], 'writer only')).auth;
      const byToken = await app.as(writer)('mutation($e: String!) { createUser(input: { name: "Dup", email: $e }) { user { id } } }', {
        e: owner.email,
      });
      expect(byToken.errors?.[0].extensions?.code).toBe('EMAIL_TAKEN');
      expect(JSON.stringify(byToken)).not.toMatch(/Olga|existingUser/);
    });

    it('names the other holder of a shared phone to staff only', async () => {
      const self = await app.as(endUser.auth)(ADD, { id: endUser.id, input: { type: 'PHONE', value: '+33 6 98 76 54 32' } });
      expect(self.errors).toBeUndefined();
      expect(self.data.addUserIdentity.warnings).toEqual([
        {
          code: 'SHARED_PHONE',
          field: 'value',
          existingUserId: null,
          message: 'Another account has this number too: it is kept on this profile as a shared number.',
        },
      ]);
      // The unnamed message is in the asker's language too.
      const third = await app.gql(
        'mutation($e: String!) { createUser(input: { name: "Third", email: $e, phone: "+33 6 98 76 54 31" }) { user { id } } }',
        {
          e: email(),
        },
      );
      expect(third.errors).toBeUndefined();
      const inFrench = await app.as(endUser.auth)(
        ADD,
        { id: endUser.id, input: { type: 'PHONE', value: '+33 6 98 76 54 31' } },
        { 'accueil-language': 'fr' },
      );
      expect(inFrench.errors).toBeUndefined();
      expect(inFrench.data.addUserIdentity.warnings).toEqual([
        {
          code: 'SHARED_PHONE',
          field: 'value',
          existingUserId: null,
          message: 'Un autre compte a aussi ce numéro\u00a0: il est gardé sur ce profil comme numéro partagé.',
        },
      ]);
      const other = await app.gql('mutation($e: String!) { createUser(input: { name: "Second", email: $e }) { user { id } } }', { e: email() });
      const staff = await app.as(agent.auth)(ADD, { id: other.data.createUser.user.id, input: { type: 'PHONE', value: '+33 6 98 76 54 32' } });
      expect(staff.data.addUserIdentity.warnings[0]).toMatchObject({
        code: 'SHARED_PHONE',
        existingUserId: owner.id,
        message: expect.stringMatching(/Olga Owner/),
      });
    });
  });

  describe('marking an address verified: one rule on every path', () => {
    it('refuses an agent their own address through verifyUserIdentity and addUserIdentity, as updateUser does', async () => {
      const asAgent = app.as(agent.auth);
      expect(
        (await asAgent('mutation($id: ID!) { updateUser(id: $id, input: { verified: true }) { id } }', { id: agent.id })).errors?.[0].extensions
          ?.code,
      ).toBe('FORBIDDEN');
      const own = email('agent-own');
      const vouched = await asAgent(ADD, { id: agent.id, input: { type: 'EMAIL', value: own, verified: true } });
      expect(vouched.errors?.[0]).toMatchObject({
        message: 'You cannot change verified on your own account.',
        extensions: { code: 'FORBIDDEN', field: 'verified' },
      });
      const count = async () => Number((await app.db.manager.query('SELECT COUNT(*) AS n FROM user_identities WHERE value = ?', [own]))[0].n);
      expect(await count()).toBe(0);
      const added = await asAgent(ADD, { id: agent.id, input: { type: 'EMAIL', value: own } });
      expect(added.errors).toBeUndefined();
      expect(added.data.addUserIdentity.identity.verified).toBe(false);
      const refused = await asAgent(VERIFY, { id: added.data.addUserIdentity.identity.id });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const stored = await app.db.manager.query('SELECT verified FROM user_identities WHERE id = ?', [
        Number(added.data.addUserIdentity.identity.id),
      ]);
      expect(Number(stored[0].verified)).toBe(0);
      // The same agent verifies an end user's address; an admin verifies the agent's.
      const customer = await app.gql('mutation($e: String!) { createUser(input: { name: "Customer", email: $e }) { user { id } } }', { e: email() });
      const theirs = await asAgent(ADD, { id: customer.data.createUser.user.id, input: { type: 'EMAIL', value: email('c'), verified: true } });
      expect(theirs.data.addUserIdentity.identity.verified).toBe(true);
      expect((await app.as(app.admin)(VERIFY, { id: added.data.addUserIdentity.identity.id })).data.verifyUserIdentity.verified).toBe(true);
    });
  });

  describe('viewerCan', () => {
    const permissions = async (auth: Auth, id: string) => {
      const r = await app.as(auth)(USER_CAN, { id });
      expect(r.errors).toBeUndefined();
      return r.data.user.viewerCan;
    };

    it('answers what each person may do to an account, by the rules the server applies', async () => {
      const adminId = (await app.as(app.admin)('{ me { id } }')).data.me.id;
      const otherAgent = await app.person('AGENT');
      expect(await permissions(app.admin, endUser.id)).toEqual({
        update: true,
        updateOwnProfileOnly: false,
        readPrivateFields: true,
        delete: true,
        changeRole: true,
        changeVerified: true,
        changeSuspended: true,
        setPassword: true,
        changeIdentities: true,
        verifyIdentities: true,
        makeUnverifiedEmailPrimary: true,
        changeFields: true,
        merge: true,
      });
      expect(await permissions(app.admin, adminId)).toMatchObject({
        update: true,
        delete: false,
        changeRole: false,
        changeSuspended: false,
        changeVerified: true,
        setPassword: false,
      });
      expect(await permissions(agent.auth, agent.id)).toEqual({
        update: true,
        updateOwnProfileOnly: false,
        readPrivateFields: true,
        delete: false,
        changeRole: false,
        changeVerified: false,
        changeSuspended: false,
        setPassword: false,
        changeIdentities: true,
        verifyIdentities: false,
        makeUnverifiedEmailPrimary: true,
        changeFields: true,
        merge: false,
      });
      expect(await permissions(agent.auth, endUser.id)).toMatchObject({
        merge: true,
        update: true,
        delete: true,
        changeRole: false,
        changeVerified: true,
        changeSuspended: true,
        verifyIdentities: true,
      });
      expect(await permissions(agent.auth, otherAgent.id)).toMatchObject({
        update: false,
        delete: false,
        changeRole: false,
        changeVerified: false,
        changeIdentities: false,
        readPrivateFields: true,
      });
      expect(await permissions(endUser.auth, endUser.id)).toEqual({
        update: true,
        updateOwnProfileOnly: true,
        readPrivateFields: false,
        delete: false,
        changeRole: false,
        changeVerified: false,
        changeSuspended: false,
        setPassword: false,
        changeIdentities: true,
        verifyIdentities: false,
        makeUnverifiedEmailPrimary: false,
        changeFields: false,
        merge: false,
      });
    });

    it('says yes exactly when the server accepts the change', async () => {
      const otherAgent = await app.person('AGENT');
      const attempts: [Auth, string, string, string][] = [
        [agent.auth, otherAgent.id, 'update', 'mutation($id: ID!) { updateUser(id: $id, input: { alias: "x" }) { id } }'],
        [agent.auth, agent.id, 'changeVerified', 'mutation($id: ID!) { updateUser(id: $id, input: { verified: true }) { id } }'],
        [agent.auth, endUser.id, 'changeSuspended', 'mutation($id: ID!) { updateUser(id: $id, input: { suspended: false }) { id } }'],
        [endUser.auth, endUser.id, 'update', 'mutation($id: ID!) { updateUser(id: $id, input: { name: "Self Service" }) { id } }'],
        [app.admin, otherAgent.id, 'changeRole', 'mutation($id: ID!) { updateUser(id: $id, input: { role: AGENT }) { id } }'],
        [app.admin, otherAgent.id, 'setPassword', 'mutation($id: ID!) { setUserPassword(id: $id, password: "another long password") }'],
      ];
      for (const [auth, id, permission, mutation] of attempts) {
        const said = (await permissions(auth, id))[permission];
        const r = await app.as(auth)(mutation, { id });
        expect(r.errors === undefined, `${permission} on ${id}: ${JSON.stringify(r.errors)}`).toBe(said);
      }
    });

    it('answers what the person may do in general, all false for nobody', async () => {
      const all = (v: boolean) => ({
        listUsers: v,
        createUsers: v,
        createStaff: v,
        readOrganizations: v,
        manageOrganizations: v,
        readUserFields: v,
        manageUserFields: v,
        manageApiTokens: v,
        changeOwnPassword: v,
        restoreUsers: v,
        eraseUsers: v,
      });
      expect((await app.as({ kind: 'anonymous' })(VIEWER_CAN)).data.viewerCan).toEqual(all(false));
      expect((await app.as(app.admin)(VIEWER_CAN)).data.viewerCan).toEqual(all(true));
      expect((await app.as(agent.auth)(VIEWER_CAN)).data.viewerCan).toEqual({
        ...all(true),
        createStaff: false,
        manageOrganizations: false,
        manageUserFields: false,
        manageApiTokens: false,
        eraseUsers: false,
      });
      expect((await app.as(endUser.auth)(VIEWER_CAN)).data.viewerCan).toEqual({ ...all(false), changeOwnPassword: true });
      expect((await app.gql(VIEWER_CAN)).data.viewerCan).toEqual({ ...all(true), manageApiTokens: false, changeOwnPassword: false });
      const reader = (await app.token(['USERS_READ'])).auth;
      expect((await app.as(reader)(VIEWER_CAN)).data.viewerCan).toEqual({
        ...all(false),
        listUsers: true,
        readOrganizations: true,
        readUserFields: true,
      });
    });
  });
});
