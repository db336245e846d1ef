import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

// Issue 13: one person, two accounts. mergeUsers moves everything to the survivor; the merged id answers
// with the survivor; one history entry lists what moved.

const PREVIEW = `query($s: ID!, $t: ID!) { mergeUsersPreview(sourceId: $s, targetId: $t) {
  source { id } target { id } emails phones tags choices { field title sourceValue targetValue } ticketsRequested ticketsCopied historyEntries } }`;
const MERGE =
  'mutation($i: MergeUsersInput!) { mergeUsers(input: $i) { id name email phone tags notes organization { name } fields { key value } identities { type value primary } } }';
const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }';

describe.each(testDialects())('merging users, on %s', (dialect) => {
  let app: TestApp;
  let agent: Awaited<ReturnType<TestApp['person']>>;
  let seq = 0;
  let key: string;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    agent = await app.person('AGENT', 'Merge Agent');
    key = `plan_${Date.now() % 100000}`;
    const f = await app.as(app.admin)('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { key } }', {
      i: { key, title: 'Plan', type: 'TEXT' },
    });
    expect(f.errors).toBeUndefined();
  });
  afterAll(() => app.stop());

  const create = async (input: Record<string, unknown>): Promise<string> => {
    const r = await app.gql(CREATE, { i: { email: `merge${++seq}.${Date.now()}@merge.acme.io`, ...input } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id;
  };

  it('previews and merges every kind of data, the merged id answering with the survivor', async () => {
    const org = (await app.as(app.admin)('mutation { createOrganization(input: { name: "Merge Org" }) { id } }')).data.createOrganization.id;
    const target = await create({
      name: 'Ada Lovelace',
      notes: 'Target notes',
      tags: ['vip'],
      organizationId: org,
      fields: [{ key, value: 'gold' }],
    });
    const source = await create({
      name: 'Ada L.',
      phone: '+14155550111',
      notes: 'Source notes',
      tags: ['beta', 'vip'],
      alias: 'Countess',
      fields: [{ key, value: 'silver' }],
    });
    const sourceEmail = (await app.gql('query($id: ID!) { user(id: $id) { email } }', { id: source })).data.user.email;
    await app.gql(
      'mutation($id: ID!) { addUserIdentity(userId: $id, input: { type: EMAIL, value: "ada.second@merge.acme.io" }) { identity { id } } }',
      {
        id: source,
      },
    );
    const t1 = await app.as(agent.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
      i: { subject: 'Requested', comment: 'x', requester: { id: source } },
    });
    const t2 = await app.as(agent.auth)('mutation($i: CreateTicketInput!) { createTicket(input: $i) { ticket { id } } }', {
      i: { subject: 'Copied', comment: 'x', requester: { id: target }, ccs: [{ id: source }] },
    });
    expect([t1.errors, t2.errors]).toEqual([undefined, undefined]);

    const p = await app.as(agent.auth)(PREVIEW, { s: source, t: target });
    expect(p.errors).toBeUndefined();
    const preview = p.data.mergeUsersPreview;
    expect(preview).toMatchObject({
      source: { id: source },
      target: { id: target },
      emails: [sourceEmail, 'ada.second@merge.acme.io'],
      phones: ['+14155550111'],
      tags: ['beta'],
      ticketsRequested: 1,
      ticketsCopied: 1,
    });
    expect(preview.historyEntries).toBeGreaterThanOrEqual(2);
    expect(preview.choices.map((c: any) => [c.field, c.sourceValue, c.targetValue])).toEqual([
      ['name', 'Ada L.', 'Ada Lovelace'],
      ['notes', 'Source notes', 'Target notes'],
      [`fields.${key}`, 'silver', 'gold'],
    ]);

    const merged = await app.as(agent.auth)(MERGE, {
      i: {
        sourceId: source,
        targetId: target,
        fieldChoices: [
          { field: 'notes', keep: 'SOURCE' },
          { field: `fields.${key}`, keep: 'SOURCE' },
        ],
      },
    });
    expect(merged.errors).toBeUndefined();
    const survivor = merged.data.mergeUsers;
    expect(survivor).toMatchObject({
      id: target,
      name: 'Ada Lovelace',
      notes: 'Source notes',
      phone: '+14155550111',
      organization: { name: 'Merge Org' },
      fields: [{ key, value: 'silver' }],
    });
    expect([...survivor.tags].sort()).toEqual(['beta', 'vip']);
    expect(survivor.identities.filter((i: any) => i.type === 'EMAIL').map((i: any) => i.value)).toEqual(
      expect.arrayContaining([sourceEmail, 'ada.second@merge.acme.io']),
    );
    // The merged-away id answers with the survivor; mergedInto says so.
    expect((await app.as(agent.auth)('query($id: ID!) { user(id: $id) { id } }', { id: source })).data.user.id).toBe(target);
    expect((await app.as(agent.auth)('query($id: ID!) { mergedInto(id: $id) { id } }', { id: source })).data.mergedInto.id).toBe(target);
    expect((await app.as(agent.auth)('query($id: ID!) { mergedInto(id: $id) { id } }', { id: target })).data.mergedInto).toBeNull();
    // The source's address now finds the survivor.
    expect((await app.gql('query($e: String!) { userByEmail(email: $e) { id } }', { e: sourceEmail })).data.userByEmail.id).toBe(target);
    // Tickets moved.
    const tickets = await app.db.manager.query('SELECT COUNT(*) AS n FROM tickets WHERE requester_id = ?', [Number(source)]);
    expect(Number(tickets[0].n)).toBe(0);
    const ccs = await app.db.manager.query('SELECT user_id FROM ticket_ccs WHERE ticket_id = ?', [Number(t2.data.createTicket.ticket.id)]);
    expect(ccs.map((r: any) => Number(r.user_id))).toEqual([Number(target)]);
    // History: both accounts' entries, and one entry listing what moved.
    const events = (
      await app.gql('query($id: ID!) { user(id: $id) { events(first: 50) { edges { node { action changes { field newValue } } } } } }', {
        id: target,
      })
    ).data.user.events.edges.map((e: any) => e.node);
    expect(events[0].action).toBe('MERGED');
    const moved = Object.fromEntries(events[0].changes.map((c: any) => [c.field, c.newValue]));
    expect(moved).toMatchObject({ mergedFrom: `#${source} Ada L.`, phones: '+14155550111', tags: 'beta', ticketsRequested: '1', ticketsCopied: '1' });
    expect(events.filter((e: any) => e.action === 'CREATED')).toHaveLength(2);
    // Not a deleted customer to restore, not in searches.
    expect(
      (await app.gql('{ deletedUsers(first: 100) { edges { node { id } } } }')).data.deletedUsers.edges.map((e: any) => e.node.id),
    ).not.toContain(source);
    expect((await app.gql('query($ids: [ID!]) { users(ids: $ids) { totalCount } }', { ids: [source] })).data.users.totalCount).toBe(0);
    // Erasing the merged-away account later (the purge would) leaves what moved to the survivor alone.
    expect((await app.as(app.admin)('mutation($id: ID!) { eraseUser(id: $id) }', { id: source })).errors).toBeUndefined();
    const after = (
      await app.gql(
        'query($id: ID!) { user(id: $id) { phone identities { value } events(first: 1) { edges { node { changes { field newValue } } } } } }',
        { id: target },
      )
    ).data.user;
    expect(after.phone).toBe('+14155550111');
    expect(after.identities.map((i: any) => i.value)).toContain(sourceEmail);
    expect(after.events.edges[0].node.changes).toContainEqual({ field: 'phones', newValue: '+14155550111' });
    // A field the survivor lacked came from the merged account.
    expect((await app.gql('query($q: String) { users(query: $q) { edges { node { id alias } } } }', { q: 'Countess' })).data.users.edges).toEqual([
      { node: { id: target, alias: 'Countess' } },
    ]);
  });

  it('says what each side of a choice is, as a history line does: a LOOKUP person or organization by name, an option by title', async () => {
    const admin = app.as(app.admin);
    const n = ++seq;
    const fields = [
      { key: `mgr_${n}`, title: 'Manager', type: 'LOOKUP', lookupTarget: 'USER' },
      { key: `acct_${n}`, title: 'Account', type: 'LOOKUP', lookupTarget: 'ORGANIZATION' },
      {
        key: `tier_${n}`,
        title: 'Tier',
        type: 'DROPDOWN',
        options: [
          { value: 'gold', title: 'Gold tier' },
          { value: 'silver', title: 'Silver tier' },
        ],
      },
    ];
    for (const f of fields)
      expect((await admin('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { key } }', { i: f })).errors).toBeUndefined();
    const grace = await create({ name: 'Grace Hopper' });
    const alan = await create({ name: 'Alan Turing' });
    const org = async (name: string) =>
      (await admin('mutation($n: String!) { createOrganization(input: { name: $n }) { id } }', { n: name })).data.createOrganization.id;
    const [navy, army] = [await org(`Navy ${n}`), await org(`Army ${n}`)];
    const target = await create({
      name: 'Kept',
      fields: [
        { key: `mgr_${n}`, value: grace },
        { key: `acct_${n}`, value: navy },
        { key: `tier_${n}`, value: 'gold' },
      ],
    });
    const source = await create({
      name: 'Kept',
      fields: [
        { key: `mgr_${n}`, value: alan },
        { key: `acct_${n}`, value: army },
        { key: `tier_${n}`, value: 'silver' },
      ],
    });
    const shown = '{ kind value label refId gone }';
    const p = await app.as(agent.auth)(
      `query($s: ID!, $t: ID!) { mergeUsersPreview(sourceId: $s, targetId: $t) { choices { field sourceValue targetValue sourceDisplay ${shown} targetDisplay ${shown} } } }`,
      { s: source, t: target },
    );
    expect(p.errors).toBeUndefined();
    const read = (d: any) => [d.kind, d.label, d.refId];
    expect(
      p.data.mergeUsersPreview.choices.map((c: any) => [c.field, c.sourceValue, read(c.sourceDisplay), c.targetValue, read(c.targetDisplay)]),
    ).toEqual([
      [`fields.mgr_${n}`, alan, ['PERSON', 'Alan Turing', alan], grace, ['PERSON', 'Grace Hopper', grace]],
      [`fields.acct_${n}`, army, ['ORGANIZATION', `Army ${n}`, army], navy, ['ORGANIZATION', `Navy ${n}`, navy]],
      [`fields.tier_${n}`, 'silver', ['OPTION', 'Silver tier', null], 'gold', ['OPTION', 'Gold tier', null]],
    ]);
  });

  it('refuses staff, across roles, the same account twice, unknown choices, and end users asking', async () => {
    const a = await create({ name: 'Solo A' });
    const b = await create({ name: 'Solo B' });
    const staff = await app.person('AGENT');
    const code = async (gql: typeof app.gql, i: Record<string, unknown>) => (await gql(MERGE, { i })).errors?.[0].extensions;
    expect(await code(app.as(agent.auth), { sourceId: staff.id, targetId: a })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code(app.as(agent.auth), { sourceId: a, targetId: staff.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code(app.as(agent.auth), { sourceId: a, targetId: a })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
    expect(await code(app.as(agent.auth), { sourceId: a, targetId: b, fieldChoices: [{ field: 'password', keep: 'SOURCE' }] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fieldChoices',
    });
    expect(await code(app.as(agent.auth), { sourceId: a, targetId: '999999' })).toMatchObject({ code: 'NOT_FOUND' });
    const end = await app.person('END_USER');
    expect(await code(app.as(end.auth), { sourceId: a, targetId: b })).toMatchObject({ code: 'FORBIDDEN' });
    // Nothing moved.
    expect((await app.gql('query($id: ID!) { user(id: $id) { id name } }', { id: a })).data.user).toEqual({ id: a, name: 'Solo A' });
  });

  it('suggests possible duplicates: the same phone, or the same name in the same organization', async () => {
    const org = (await app.as(app.admin)('mutation { createOrganization(input: { name: "Dup Org" }) { id } }')).data.createOrganization.id;
    const a = await create({ name: 'Jean Dupont', phone: '+33612345678', organizationId: org });
    const byPhone = await create({ name: 'J. D.', phone: '+33612345678' });
    const byName = await create({ name: 'jean dupont', organizationId: org });
    await create({ name: 'Jean Dupont' });
    const r = await app.as(agent.auth)('query($id: ID!) { user(id: $id) { possibleDuplicates { id } } }', { id: a });
    expect(r.data.user.possibleDuplicates.map((u: any) => u.id).sort()).toEqual([byPhone, byName].sort());
  });
});
