import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Auth, type Gql, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

let seq = 0;
const unique = (p: string) => `${p}${++seq}${Date.now().toString(36)}`;

/**
 * Scopes stop at the edge of every answer (payload-scopes.test.ts walks the writes' payloads); the same edge for what
 * is not a User object but carries users' data: a merge
 * preview's values, a CONFLICT's values and writer, a ticket history's people.
 * Each follows the rule of the field it shows (userPolicy.readField, read,
 * readPrivate, list); staff sessions and tokens with USERS_READ see what they saw.
 */
describe.each(testDialects())('users’ data in merge previews, conflicts and ticket histories, on %s', (dialect) => {
  let app: TestApp;
  let admin: Gql;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  const tokens: Record<'write' | 'readWrite' | 'ticketsRead' | 'ticketsUsersRead', Auth> = {} as never;
  const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id version } } }';

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = app.as(app.admin);
    agent = await app.person('AGENT', 'Staff Writer');
    tokens.write = (await app.token(['USERS_WRITE'], 'writer')).auth;
    tokens.readWrite = (await app.token(['USERS_READ', 'USERS_WRITE'], 'reader-writer')).auth;
    tokens.ticketsRead = (await app.token(['TICKETS_READ'], 'tickets')).auth;
    tokens.ticketsUsersRead = (await app.token(['TICKETS_READ', 'USERS_READ'], 'tickets-users')).auth;
    const field = await admin('mutation { createUserField(input: { key: "leak_plan", title: "Leak plan", type: TEXT }) { id } }');
    expect(field.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => app?.stop());

  const create = async (i: Record<string, unknown>): Promise<{ id: string; version: number }> => {
    const r = await admin(CREATE, { i });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user;
  };

  it('a merge preview: a USERS_WRITE token reads ids and field names only; USERS_READ, agents and admins read it all', async () => {
    const target = await create({
      name: 'Target Secretname',
      email: `${unique('target')}@leak.io`,
      notes: 'target notes secret',
      details: 'target details secret',
      externalId: unique('EXT-T'),
      alias: 'Tee Secret',
      fields: [{ key: 'leak_plan', value: 'Gold secret' }],
    });
    const source = await create({
      name: 'Source Secretname',
      email: `${unique('source')}@leak.io`,
      phone: '+33 6 12 34 56 79',
      notes: 'source notes secret',
      details: 'source details secret',
      externalId: unique('EXT-S'),
      alias: 'Ess Secret',
      tags: ['vipsecret'],
      fields: [{ key: 'leak_plan', value: 'Silver secret' }],
    });
    const ids = { s: source.id, t: target.id };
    const preview = (selection: string) => `query($s: ID!, $t: ID!) { mergeUsersPreview(sourceId: $s, targetId: $t) { ${selection} } }`;
    const LEAK = /secret|leak\.io|\+33|EXT-|Leak plan/i;
    // The security test's query, as it was sent.
    const asked = await app.as(tokens.write)(
      preview('emails phones tags choices { field sourceValue targetValue sourceDisplay { value label } }'),
      ids,
    );
    expect(JSON.stringify(asked.data)).not.toMatch(LEAK);
    expect(asked.errors?.length).toBeGreaterThan(0);
    expect(asked.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    // Ids and the fields to choose for (what mergeUsers' choices name) stay readable.
    const open = await app.as(tokens.write)(preview('source { id } target { id } choices { field }'), ids);
    expect(open.errors).toBeUndefined();
    expect(open.data.mergeUsersPreview.source).toEqual({ id: source.id });
    expect(open.data.mergeUsersPreview.choices.map((c: { field: string }) => c.field).sort()).toEqual(
      ['alias', 'details', 'externalId', 'fields.leak_plan', 'name', 'notes'].sort(),
    );
    // Each piece of user data on its own (so that no refused sibling hides another): refused, nothing shown.
    for (const selection of [
      'emails',
      'phones',
      'tags',
      'ticketsRequested',
      'ticketsCopied',
      'historyEntries',
      'choices { title }',
      'choices { sourceValue }',
      'choices { targetValue }',
      'choices { sourceDisplay { value label } }',
      'choices { targetDisplay { value label } }',
      'source { name }',
    ]) {
      const r = await app.as(tokens.write)(preview(selection), ids);
      expect(r.errors?.[0]?.extensions?.code, selection).toBe('FORBIDDEN');
      expect(JSON.stringify(r.data), selection).not.toMatch(LEAK);
    }
    // With USERS_READ, and for agents and admins signed in, everything as before.
    const ALL = preview(
      'source { id name } target { id name } emails phones tags choices { field title sourceValue targetValue sourceDisplay { value } targetDisplay { value } } ticketsRequested ticketsCopied historyEntries',
    );
    const full = await app.as(tokens.readWrite)(ALL, ids);
    expect(full.errors).toBeUndefined();
    const p = full.data.mergeUsersPreview;
    expect(p).toMatchObject({ emails: [expect.stringMatching(/@leak\.io$/)], phones: ['+33612345679'], tags: ['vipsecret'], historyEntries: 1 });
    expect(p.choices.find((c: { field: string }) => c.field === 'notes')).toMatchObject({
      title: 'notes',
      sourceValue: 'source notes secret',
      targetValue: 'target notes secret',
    });
    expect(p.choices.find((c: { field: string }) => c.field === 'fields.leak_plan')).toMatchObject({
      title: 'Leak plan',
      sourceValue: 'Silver secret',
      targetDisplay: { value: 'Gold secret' },
    });
    for (const session of [app.admin, agent.auth]) expect(await app.as(session)(ALL, ids)).toEqual(full);
  });

  it('a CONFLICT tells a USERS_WRITE token the fields and the writer’s id, not the values nor the writer’s name', async () => {
    const user = await create({ name: 'Conflicted Person', email: `${unique('conflict')}@acme.io`, notes: 'first notes' });
    const SAVE = 'mutation($id: ID!, $i: UpdateUserInput!, $v: Int) { updateUser(id: $id, input: $i, expectedVersion: $v) { id } }';
    const theirs = await app.as(agent.auth)(SAVE, {
      id: user.id,
      i: { notes: 'their secret notes', details: 'their secret details' },
      v: user.version,
    });
    expect(theirs.errors).toBeUndefined();
    const mine = { id: user.id, i: { notes: 'x', details: 'y' }, v: user.version };
    const r = await app.as(tokens.write)(SAVE, mine);
    expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(r.errors![0].extensions!.conflicts).toEqual(
      ['details', 'notes'].map((field) => ({
        field,
        theirValue: null,
        yourValue: null,
        redacted: true,
        changedBy: { id: agent.id, name: null },
        changedAt: expect.any(String),
      })),
    );
    expect(JSON.stringify(r)).not.toMatch(/secret|Staff Writer/);
    // An organization's conflict alike (its notes are read with organizations.list).
    const org = (await admin('mutation($n: String!) { createOrganization(input: { name: $n, notes: "n0" }) { id } }', { n: unique('Conflict Org ') }))
      .data.createOrganization.id;
    const ORG_SAVE =
      'mutation($id: ID!, $i: UpdateOrganizationInput!, $v: Int) { updateOrganization(id: $id, input: $i, expectedVersion: $v) { id } }';
    expect((await admin(ORG_SAVE, { id: org, i: { notes: 'their secret org notes' }, v: 1 })).errors).toBeUndefined();
    const orgConflict = await app.as(tokens.write)(ORG_SAVE, { id: org, i: { notes: 'mine' }, v: 1 });
    expect(orgConflict.errors?.[0].extensions?.conflicts).toEqual([expect.objectContaining({ field: 'notes', theirValue: null, redacted: true })]);
    expect(JSON.stringify(orgConflict)).not.toMatch(/secret/);
    // With USERS_READ (and for staff signed in, record-versions.test.ts), the values and the name.
    const read = await app.as(tokens.readWrite)(SAVE, mine);
    expect(read.errors![0].extensions!.conflicts.find((c: { field: string }) => c.field === 'notes')).toEqual({
      field: 'notes',
      theirValue: 'their secret notes',
      yourValue: 'x',
      redacted: false,
      changedBy: { id: agent.id, name: 'Staff Writer' },
      changedAt: expect.any(String),
    });
  });

  it('a CONFLICT on an end user’s own name shows them both names, and staff as the support team or their alias', async () => {
    const me = await app.person('END_USER', 'Ann Original');
    const SAVE = 'mutation($id: ID!, $i: UpdateUserInput!, $v: Int) { updateUser(id: $id, input: $i, expectedVersion: $v) { id } }';
    const VERSION = 'query($id: ID!) { user(id: $id) { version } }';
    const conflictAfter = async (staffName: string, headers: Record<string, string> = {}) => {
      const v = (await app.as(me.auth)(VERSION, { id: me.id })).data.user.version;
      expect((await app.as(agent.auth)(SAVE, { id: me.id, i: { name: staffName }, v })).errors).toBeUndefined();
      const r = await app.as(me.auth)(SAVE, { id: me.id, i: { name: `Mine ${staffName}` }, v }, headers);
      expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(JSON.stringify(r)).not.toContain('Staff Writer');
      expect(JSON.stringify(r)).not.toContain(`"${agent.id}"`);
      return r.errors![0].extensions!.conflicts;
    };
    expect(await conflictAfter('Ann By Staff')).toEqual([
      {
        field: 'name',
        theirValue: 'Ann By Staff',
        yourValue: 'Mine Ann By Staff',
        redacted: false,
        changedBy: { id: null, name: 'the support team' },
        changedAt: expect.any(String),
      },
    ]);
    expect((await conflictAfter('Ann Again', { 'accueil-language': 'fr' }))[0].changedBy).toEqual({ id: null, name: 'l’équipe d’assistance' });
    expect((await app.as(agent.auth)(SAVE, { id: agent.id, i: { alias: 'Sam from Support' } })).errors).toBeUndefined();
    expect((await conflictAfter('Ann Third'))[0].changedBy).toEqual({ id: null, name: 'Sam from Support' });
  });

  it('a ticket’s history names its people only for those who may read users', async () => {
    const CREATE_TICKET = 'mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }';
    const created = await app.as(agent.auth)(CREATE_TICKET, {
      i: {
        subject: 'History names',
        comment: 'Hello',
        requester: { email: `${unique('req')}@acme.io`, name: 'End Secretuser' },
        ccs: [{ email: `${unique('cc')}@acme.io`, name: 'Cc Secretperson' }],
      },
    });
    expect(created.errors).toBeUndefined();
    const ticketId = created.data.createTicket.ticket.id;
    const moved = await app.as(agent.auth)('mutation($id: ID!, $i: UpdateTicketInput!) { updateTicket(id: $id, input: $i) { id } }', {
      id: ticketId,
      i: { requester: { email: `${unique('req2')}@acme.io`, name: 'Req Secretnew' }, status: 'PENDING' },
    });
    expect(moved.errors).toBeUndefined();
    const side = await app.as(agent.auth)(
      'mutation($i: StartSideConversationInput!) { startSideConversation(input: $i) { sideConversation { id } } }',
      { i: { ticketId, subject: 'Stock', message: 'Any left?', to: [{ email: `${unique('vendor')}@acme.io`, name: 'Vera Secretvendor' }] } },
    );
    expect(side.errors).toBeUndefined();
    const HISTORY =
      'query($id: ID!) { ticket(id: $id) { events { edges { node { action changes { field oldValue newValue redacted oldDisplay { value } newDisplay { value } } } } } } }';
    const changes = (r: GraphQLResponse) =>
      r.data.ticket.events.edges.flatMap((e: { node: { changes: { field: string }[] } }) => e.node.changes) as Record<string, unknown>[];
    const byToken = await app.as(tokens.ticketsRead)(HISTORY, { id: ticketId });
    expect(byToken.errors).toBeUndefined();
    expect(JSON.stringify(byToken)).not.toMatch(/Secret/);
    const people = changes(byToken).filter((c) => c.field === 'requester' || c.field === 'ccs' || c.field === 'participants');
    expect(people).toHaveLength(4);
    for (const c of people) expect(c).toMatchObject({ oldValue: null, newValue: null, redacted: true, oldDisplay: null, newDisplay: null });
    // Not a person: shown as before.
    expect(changes(byToken)).toContainEqual(expect.objectContaining({ field: 'status', newValue: 'PENDING', redacted: false }));
    // With USERS_READ, and for staff signed in, the names as before.
    for (const auth of [tokens.ticketsUsersRead, app.admin]) {
      const r = await app.as(auth)(HISTORY, { id: ticketId });
      expect(r.errors).toBeUndefined();
      expect(changes(r)).toContainEqual(
        expect.objectContaining({ field: 'requester', oldValue: 'End Secretuser', newValue: 'Req Secretnew', redacted: false }),
      );
      expect(changes(r)).toContainEqual(expect.objectContaining({ field: 'ccs', newValue: 'Cc Secretperson', redacted: false }));
      expect(JSON.stringify(changes(r).find((c) => c.field === 'participants'))).toMatch(/Vera Secretvendor/);
    }
  });
});
