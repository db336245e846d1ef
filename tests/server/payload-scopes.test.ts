import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { startTestApp, type Auth, type Gql, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { buildAppSchema } from '../../server/graphql/schema.js';

/**
 * Scopes stop at the edge of every answer: a token without USERS_READ that
 * makes a write reads nothing of the answer but the id of what it wrote.
 * This walks every mutation of the schema and, for a token with USERS_WRITE
 * only, asks for each field of its payload on its own (so that no denied
 * sibling hides a leak by nulling its parent), and checks that the write
 * happened and that the field was refused. A token with neither scope
 * (IMPORT) may not even write.
 */

let seq = 0;
const unique = (p: string) => `${p}${++seq}${Date.now().toString(36)}`;

interface Fixture {
  app: TestApp;
  admin: Gql;
  endUserId: string;
  orgId: string;
  fieldId: string;
}

interface Case {
  /** Variables definitions and arguments of the call. */
  call: string;
  vars(f: Fixture): Promise<Record<string, unknown>>;
}

const adminAddEmail = async (f: Fixture, verified = false) => {
  const r = await f.admin(
    'mutation($id: ID!, $v: String!, $ok: Boolean) { addUserIdentity(userId: $id, input: { type: EMAIL, value: $v, verified: $ok }) { identity { id } } }',
    {
      id: f.endUserId,
      v: `${unique('extra')}@acme.io`,
      ok: verified,
    },
  );
  return r.data.addUserIdentity.identity.id as string;
};
const adminDeletedUser = async (f: Fixture) => {
  const id = await adminCreateUser(f);
  await f.admin('mutation($id: ID!) { deleteUser(id: $id) }', { id });
  return id;
};
const adminCreateUser = async (f: Fixture) =>
  (await f.admin('mutation($e: String!) { createUser(input: { name: "Target", email: $e }) { user { id } } }', { e: `${unique('t')}@acme.io` })).data
    .createUser.user.id as string;

const adminCreateList = async (f: Fixture) =>
  (await f.admin('mutation { createCustomerList(input: { name: "Payload list", filter: {} }) { id } }')).data.createCustomerList.id as string;

/** Every mutation a token with USERS_WRITE may make, with what it needs. */
const WRITES: Record<string, Case> = {
  sendUserEmail: {
    call: '($id: ID!) { sendUserEmail(userId: $id, input: { subject: "Payload", body: "Text" })',
    vars: async (f) => ({ id: f.endUserId }),
  },
  createUser: {
    call: '($e: String!) { createUser(input: { name: "Payload Person", email: $e })',
    vars: async () => ({ e: `${unique('p')}@acme.io` }),
  },
  updateUser: { call: '($id: ID!) { updateUser(id: $id, input: {})', vars: async (f) => ({ id: f.endUserId }) },
  deleteUser: { call: '($id: ID!) { deleteUser(id: $id)', vars: async (f) => ({ id: await adminCreateUser(f) }) },
  restoreUser: { call: '($id: ID!) { restoreUser(id: $id)', vars: async (f) => ({ id: await adminDeletedUser(f) }) },
  eraseUser: { call: '($id: ID!) { eraseUser(id: $id)', vars: async (f) => ({ id: await adminDeletedUser(f) }) },
  mergeUsers: {
    call: '($s: ID!, $t: ID!) { mergeUsers(input: { sourceId: $s, targetId: $t })',
    vars: async (f) => ({ s: await adminCreateUser(f), t: await adminCreateUser(f) }),
  },
  addUserIdentity: {
    call: '($id: ID!, $v: String!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: $v })',
    vars: async (f) => ({ id: f.endUserId, v: `${unique('added')}@acme.io` }),
  },
  removeUserIdentity: { call: '($id: ID!) { removeUserIdentity(id: $id)', vars: async (f) => ({ id: await adminAddEmail(f) }) },
  makeUserIdentityPrimary: { call: '($id: ID!) { makeUserIdentityPrimary(id: $id)', vars: async (f) => ({ id: await adminAddEmail(f, true) }) },
  verifyUserIdentity: { call: '($id: ID!) { verifyUserIdentity(id: $id)', vars: async (f) => ({ id: await adminAddEmail(f) }) },
  createOrganization: { call: '($n: String!) { createOrganization(input: { name: $n })', vars: async () => ({ n: unique('Org ') }) },
  updateOrganization: { call: '($id: ID!) { updateOrganization(id: $id, input: {})', vars: async (f) => ({ id: f.orgId }) },
  deleteOrganization: {
    call: '($id: ID!) { deleteOrganization(id: $id)',
    vars: async (f) => ({
      id: (await f.admin('mutation($n: String!) { createOrganization(input: { name: $n }) { id } }', { n: unique('Gone ') })).data.createOrganization
        .id,
    }),
  },
  createUserField: {
    call: '($k: String!) { createUserField(input: { key: $k, title: "Payload", type: TEXT })',
    vars: async () => ({ k: unique('k_') }),
  },
  updateUserField: { call: '($id: ID!) { updateUserField(id: $id, input: {})', vars: async (f) => ({ id: f.fieldId }) },
  reorderUserFields: {
    call: '($ids: [ID!]!) { reorderUserFields(ids: $ids)',
    vars: async (f) => ({ ids: (await f.admin('{ userFields { id } }')).data.userFields.map((x: { id: string }) => x.id) }),
  },
  deleteUserField: {
    call: '($id: ID!) { deleteUserField(id: $id)',
    vars: async (f) => ({
      id: (await f.admin('mutation($k: String!) { createUserField(input: { key: $k, title: "Gone", type: TEXT }) { id } }', { k: unique('gone_') }))
        .data.createUserField.id,
    }),
  },
  createCustomerList: { call: '{ createCustomerList(input: { name: "Payload list", filter: {} })', vars: async () => ({}) },
  updateCustomerList: { call: '($id: ID!) { updateCustomerList(id: $id, input: {})', vars: async (f) => ({ id: await adminCreateList(f) }) },
  deleteCustomerList: { call: '($id: ID!) { deleteCustomerList(id: $id)', vars: async (f) => ({ id: await adminCreateList(f) }) },
  addUserTags: { call: '($id: ID!) { addUserTags(userId: $id, tags: ["payload"])', vars: async (f) => ({ id: f.endUserId }) },
  removeUserTags: { call: '($id: ID!) { removeUserTags(userId: $id, tags: ["payload"])', vars: async (f) => ({ id: f.endUserId }) },
  updateSettings: { call: '{ updateSettings(input: {})', vars: async () => ({}) },
  resendVerification: { call: '($id: ID!) { resendVerification(userId: $id)', vars: async (f) => ({ id: f.endUserId }) },
};

/**
 * Bulk actions by ids: whoever may make them reads their counts and failures, which only echo the ids given
 * (tests in bulk-actions.test.ts and partner-clients.test.ts); a token still needs USERS_WRITE to make them.
 */
const BULK_ACTIONS: Record<string, Case> = {
  bulkUpdateUsers: {
    call: '($id: ID!) { bulkUpdateUsers(input: { ids: [$id], addTags: ["bulk"] })',
    vars: async (f) => ({ id: await adminCreateUser(f) }),
  },
  bulkDeleteUsers: { call: '($id: ID!) { bulkDeleteUsers(input: { ids: [$id] })', vars: async (f) => ({ id: await adminCreateUser(f) }) },
};

/** Bulk writes answer a list of results (tests of their own below). */
const BULK = ['createUsers', 'upsertUsers'];
/** Imports: tokens with the IMPORT scope (tests in imports.test.ts). */
const IMPORTS = ['runImportJob', 'cancelImportJob'];

/** Mutations a token may never make, whatever its scopes. */
const NEVER_BY_TOKEN: Record<string, Case> = {
  createApiToken: { call: '{ createApiToken(input: { name: "nope", scopes: [USERS_READ] })', vars: async () => ({}) },
  revokeApiToken: { call: '{ revokeApiToken(id: "1")', vars: async () => ({}) },
  setUserPassword: { call: '($id: ID!) { setUserPassword(id: $id, password: "a long new password")', vars: async (f) => ({ id: f.endUserId }) },
  changePassword: { call: '{ changePassword(currentPassword: "x", newPassword: "another long password")', vars: async () => ({}) },
  unlockUser: { call: '($id: ID!) { unlockUser(id: $id)', vars: async (f) => ({ id: f.endUserId }) },
  // Webhooks: an admin signed in, never a token (a leaked token must not send the desk's data elsewhere).
  createWebhook: { call: '{ createWebhook(input: { url: "https://hooks.example.org/in", events: [USER_CREATED] })', vars: async () => ({}) },
  updateWebhook: { call: '{ updateWebhook(id: "1", input: { url: "https://hooks.example.org/other" })', vars: async () => ({}) },
  deleteWebhook: { call: '{ deleteWebhook(id: "1")', vars: async () => ({}) },
  testWebhook: { call: '{ testWebhook(id: "1")', vars: async () => ({}) },
  replyToMyRequest: { call: '{ replyToMyRequest(ticketId: "1", body: "From a token")', vars: async () => ({}) },
  // The team: admins signed in invite, resend and revoke (team.policy.ts).
  inviteTeamMember: {
    call: '{ inviteTeamMember(input: { name: "Token Invitee", email: "token.invitee@acme.io", role: AGENT })',
    vars: async () => ({}),
  },
  resendInvitation: { call: '($id: ID!) { resendInvitation(userId: $id)', vars: async (f) => ({ id: f.endUserId }) },
  revokeInvitation: { call: '($id: ID!) { revokeInvitation(userId: $id)', vars: async (f) => ({ id: f.endUserId }) },
};

/** Open to anyone: signIn's answer is read as the person who just signed in; signOut answers a Boolean. */
const OPEN = ['signIn', 'signOut', 'submitRequest', 'signUp', 'useAccountLink', 'renewAccountLink', 'requestPasswordReset'];

/** Writes of another scope (TICKETS_WRITE): their answers' edges are checked in ticket-access.test.ts. */
const TICKET_WRITES = [
  'createTicket',
  'updateTicket',
  'addTicketComment',
  'addTicketCc',
  'removeTicketCc',
  'startSideConversation',
  'addSideConversationMessage',
];

/** One request per field of the payload: `id` plus that field (objects by their __typename). */
function leafSelections(type: GraphQLObjectType, prefix: string[] = []): { path: string[]; selection: string }[] {
  const out: { path: string[]; selection: string }[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name === 'id' || field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    const wrap = (inner: string) => prefix.reduceRight((acc, p) => `${p} { id ${acc} }`, inner);
    if (isObjectType(named) && type.name.endsWith('Payload') && named.getFields().id) {
      // A payload carries entities: walk their fields in turn.
      out.push(...leafSelections(named, [...prefix, field.name]));
    } else if (isObjectType(named) && named.name === 'UserWarning') {
      out.push({ path: [...prefix, field.name], selection: wrap(`${field.name} { code field message existingUserId }`) });
    } else {
      out.push({ path: [...prefix, field.name], selection: wrap(isObjectType(named) ? `${field.name} { __typename }` : field.name) });
    }
  }
  return out;
}

describe.each(testDialects())('the answers of writes, for tokens without USERS_READ, on %s', (dialect) => {
  let f: Fixture;
  const tokens: Record<'write' | 'import' | 'readWrite', Auth> = {} as never;
  let mutationType: GraphQLObjectType;

  beforeAll(async () => {
    const app = await startTestApp(dialect);
    const admin = app.as(app.admin);
    tokens.write = (await app.token(['USERS_WRITE'], 'writer')).auth;
    tokens.import = (await app.token(['IMPORT'], 'importer')).auth;
    tokens.readWrite = (await app.token(['USERS_READ', 'USERS_WRITE'], 'reader-writer')).auth;
    const orgId = (await admin('mutation { createOrganization(input: { name: "Payload Org", domains: ["payload.io"] }) { id } }')).data
      .createOrganization.id;
    const fieldId = (await admin('mutation { createUserField(input: { key: "payload_plan", title: "Plan", type: TEXT }) { id } }')).data
      .createUserField.id;
    const endUserId = (
      await admin(
        'mutation { createUser(input: { name: "Private Person", email: "private@payload.io", notes: "secret", tags: ["vip"], phone: "+33 6 12 34 56 78" }) { user { id } } }',
      )
    ).data.createUser.user.id;
    f = { app, admin, endUserId, orgId, fieldId };
    mutationType = (await buildAppSchema()).getMutationType()!;
  }, 120_000);
  afterAll(() => f?.app.stop());

  it('knows every mutation of the schema (a new one must say what its payload shows)', () => {
    const known = [
      ...Object.keys(WRITES),
      ...Object.keys(BULK_ACTIONS),
      ...Object.keys(NEVER_BY_TOKEN),
      ...OPEN,
      ...TICKET_WRITES,
      ...BULK,
      ...IMPORTS,
    ].sort();
    expect(Object.keys(mutationType.getFields()).sort()).toEqual(known);
  });

  it('lets a USERS_WRITE token make every write but read nothing of the answer beyond the id', async () => {
    const leaks: string[] = [];
    let checked = 0;
    for (const [name, c] of Object.entries(WRITES)) {
      const field = mutationType.getFields()[name];
      const returned = getNamedType(field.type);
      const leaves = isObjectType(returned) ? leafSelections(returned) : [{ path: [], selection: '' }];
      for (const leaf of leaves) {
        const query = `mutation${c.call}${leaf.selection ? ` { ${returned.name.endsWith('Payload') ? '' : 'id '}${leaf.selection} }` : ''} }`;
        const r = await f.app.as(tokens.write)(query, await c.vars(f));
        checked++;
        const atRoot = r.errors?.filter((e) => (e.path?.length ?? 0) <= 1) ?? [];
        if (atRoot.length) {
          leaks.push(`${name}: the write itself failed: ${JSON.stringify(atRoot)}`);
          continue;
        }
        if (leaf.path.length === 0) continue; // a Boolean answer: nothing else to read
        // Walk to the value asked for; null (refused, or nulled by the refusal) is what we want.
        let value: any = r.data?.[name];
        for (const p of leaf.path) value = value?.[p];
        const last = leaf.path[leaf.path.length - 1];
        if (last === 'warnings') {
          for (const w of value ?? []) {
            if (w.existingUserId !== null || /Private Person/.test(w.message)) leaks.push(`${name}.${leaf.path.join('.')}: ${JSON.stringify(w)}`);
          }
          continue;
        }
        // Refused at the value, or at a list that holds it (a bulk answer's failures).
        const refused = r.errors?.some(
          (e) =>
            e.extensions?.code === 'FORBIDDEN' && (e.path?.[e.path.length - 1] === last || leaf.path.slice(0, -1).includes(String(e.path?.at(-1)))),
        );
        const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
        if (!refused || !empty)
          leaks.push(
            `${name}.${leaf.path.join('.')} = ${JSON.stringify(value)} (errors: ${JSON.stringify(r.errors?.map((e) => e.extensions?.code))})`,
          );
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  it('refuses every write to tokens without USERS_WRITE, and the token-free writes to every token', async () => {
    for (const [name, c] of Object.entries({ ...WRITES, ...BULK_ACTIONS, ...NEVER_BY_TOKEN })) {
      const returned = getNamedType(mutationType.getFields()[name].type);
      const selection = isObjectType(returned) ? (returned.getFields().id ? ' { id }' : ' { __typename }') : '';
      const who = name in NEVER_BY_TOKEN ? [tokens.import, tokens.write, tokens.readWrite] : [tokens.import];
      for (const auth of who) {
        const r = await f.app.as(auth)(`mutation${c.call}${selection} }`, await c.vars(f));
        expect(r.errors?.[0]?.extensions?.code, `${name}: ${JSON.stringify(r)}`).toBe('FORBIDDEN');
        expect(r.errors?.[0]?.path, name).toEqual([name]);
      }
    }
  }, 120_000);

  it('bulk writes: a USERS_WRITE token reads the results and ids, not the users, nor who owns a taken address', async () => {
    const taken = `${unique('taken')}@acme.io`;
    await f.admin('mutation($e: String!) { createUser(input: { name: "Private Owner", email: $e }) { user { id } } }', { e: taken });
    for (const name of BULK) {
      const input = name === 'createUsers' ? 'CreateUserInput' : 'UpsertUserInput';
      const call = (selection: string, email: string) =>
        f.app.as(tokens.write)(`mutation($inputs: [${input}!]!) { ${name}(inputs: $inputs) { index status ${selection} errors { code message } } }`, {
          inputs: [{ name: 'Bulk Payload', email }, ...(name === 'createUsers' ? [{ name: 'Copy', email: taken }] : [])],
        });
      const r = await call('user { id }', `${unique('bulk')}@acme.io`);
      const results = r.data[name];
      expect(results[0].status).toBe('CREATED');
      expect(results[0].user.id).toMatch(/^\d+$/);
      const named = await call('user { name }', `${unique('bulk')}@acme.io`);
      expect(named.data[name][0].user).toBeNull();
      expect(named.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.at(-1) === 'name')).toBe(true);
      if (name === 'createUsers') {
        expect(results[1].errors).toEqual([{ code: 'EMAIL_TAKEN', message: 'This address cannot be added.' }]);
        expect(JSON.stringify(r)).not.toContain('Private Owner');
      }
      const refused = await f.app.as(tokens.import)(`mutation($inputs: [${input}!]!) { ${name}(inputs: $inputs) { index } }`, { inputs: [] });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    for (const name of IMPORTS) {
      const r = await f.app.as(tokens.write)(`mutation { ${name}(id: "1") { id } }`);
      expect(r.errors?.[0].extensions?.code, name).toBe('FORBIDDEN');
    }
  });

  it('reads the same answers in full with USERS_READ (the walk above is not vacuous)', async () => {
    const r = await f.app.as(tokens.readWrite)(
      `mutation($id: ID!) { updateUser(id: $id, input: {}) { id name notes tags organization { id } events { totalCount } } }`,
      {
        id: f.endUserId,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.updateUser).toMatchObject({ name: 'Private Person', notes: 'secret', tags: ['vip'] });
  });

  it('an empty update is not a way to read: it writes nothing, no history line, and answers only the id', async () => {
    const before = await f.app.db.manager.query(`SELECT COUNT(*) AS n FROM audit_events WHERE subject_id = ?`, [Number(f.endUserId)]);
    const stamp = await f.app.db.manager.query(`SELECT updated_at FROM users WHERE id = ?`, [Number(f.endUserId)]);
    const r = await f.app.as(tokens.write)(
      `mutation($id: ID!) { updateUser(id: $id, input: {}) { id notes details externalId tags events { totalCount } fields { key } } }`,
      {
        id: f.endUserId,
      },
    );
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
    expect(JSON.stringify(r.data ?? null)).not.toMatch(/secret|vip/);
    const idOnly = await f.app.as(tokens.write)(`mutation($id: ID!) { updateUser(id: $id, input: {}) { id } }`, { id: f.endUserId });
    expect(idOnly).toEqual({ data: { updateUser: { id: f.endUserId } } });
    expect(await f.app.db.manager.query(`SELECT COUNT(*) AS n FROM audit_events WHERE subject_id = ?`, [Number(f.endUserId)])).toEqual(before);
    expect(await f.app.db.manager.query(`SELECT updated_at FROM users WHERE id = ?`, [Number(f.endUserId)])).toEqual(stamp);
  });
});
