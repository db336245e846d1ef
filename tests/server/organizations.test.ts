import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { CREATE_USER, GET_USER, UPDATE_USER } from '../helpers/operations.js';

const ORG_FIELDS = 'id name domains details notes tags externalId userCount createdAt updatedAt';
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORG_FIELDS} } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORG_FIELDS} } }`;
const DELETE_ORG = `mutation($id: ID!) { deleteOrganization(id: $id) }`;
const GET_ORG = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { ${ORG_FIELDS}
  users(first: $first, after: $after) { totalCount edges { node { id name organization { id name } } } pageInfo { hasNextPage endCursor } } } }`;
const LIST_ORGS = `query($query: String, $first: Int, $after: String) { organizations(query: $query, first: $first, after: $after) {
  totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

let seq = 0;
const unique = (p: string) => `${p} ${++seq}-${Date.now()}`;

describe.each(testDialects())('organizations on %s', (dialect) => {
  let app: TestApp;
  const createOrg = async (input: Record<string, unknown>) => {
    const r = await app.gql(CREATE_ORG, { input });
    expect(r.errors).toBeUndefined();
    return r.data.createOrganization;
  };
  const fieldError = (r: { errors?: any[] }, field: string) => expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });

  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app?.stop());

  it('creates an organization with domains, details, notes and tags, and reads it back', async () => {
    const name = unique('Acmé Corp');
    const o = await createOrg({
      name: `  ${name}  `,
      domains: ['Acme-corp.example.org', '@acme-widgets.io', 'bücher.de', 'acme-corp.example.org'],
      details: 'HQ in Lyon',
      notes: 'Key account',
      tags: [' Enterprise ', 'enterprise', 'EU West'],
      externalId: `ORG-${seq}`,
    });
    expect(o).toMatchObject({
      name,
      domains: ['acme-corp.example.org', 'acme-widgets.io', 'xn--bcher-kva.de'],
      details: 'HQ in Lyon',
      notes: 'Key account',
      tags: ['enterprise', 'eu_west'],
      userCount: 0,
    });
    const read = await app.gql(GET_ORG, { id: o.id });
    expect(read.data.organization).toMatchObject({ ...o, users: { totalCount: 0, edges: [] } });
  });

  it('refuses a name already used in another letter case, naming the existing one', async () => {
    const name = unique('Globex');
    const first = await createOrg({ name });
    const dup = await app.gql(CREATE_ORG, { input: { name: name.toUpperCase() } });
    fieldError(dup, 'name');
    expect(dup.errors![0].extensions!.existingOrganizationId).toBe(first.id);
    // Renaming another one onto it is refused too, and changes nothing.
    const other = await createOrg({ name: unique('Initech') });
    const rename = await app.gql(UPDATE_ORG, { id: other.id, input: { name: name.toLowerCase() } });
    fieldError(rename, 'name');
    expect((await app.gql(GET_ORG, { id: other.id })).data.organization.name).toBe(other.name);
  });

  it('gives each domain to one organization only', async () => {
    const d = `only-${seq}-${Date.now()}.io`;
    const a = await createOrg({ name: unique('Owner'), domains: [d] });
    const r = await app.gql(CREATE_ORG, { input: { name: unique('Thief'), domains: [d.toUpperCase()] } });
    fieldError(r, 'domains');
    expect(r.errors![0].extensions!.existingOrganizationId).toBe(a.id);
    expect(r.errors![0].message).toContain(a.name);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name'],
    ['a name with a line break', { name: 'A\nB' }, 'name'],
    ['a name over 255 characters', { name: 'x'.repeat(256) }, 'name'],
    ['a domain without a dot', { name: 'D1', domains: ['localhost'] }, 'domains'],
    ['a domain with a space', { name: 'D2', domains: ['acme .com'] }, 'domains'],
    ['an IP address as domain', { name: 'D3', domains: ['10.0.0.1'] }, 'domains'],
    ['a domain with a hyphen at a label edge', { name: 'D4', domains: ['-acme.com'] }, 'domains'],
    ['an email instead of a domain', { name: 'D5', domains: ['bob@acme.com'] }, 'domains'],
    ['a tag with a comma', { name: 'D6', tags: ['a,b'] }, 'tags'],
    ['notes with a control character', { name: 'D7', notes: 'bell\u0007' }, 'notes'],
  ])('refuses %s', async (_label, input, field) => {
    const before = (await app.gql(LIST_ORGS, { first: 0 })).data.organizations.totalCount;
    fieldError(await app.gql(CREATE_ORG, { input }), field);
    expect((await app.gql(LIST_ORGS, { first: 0 })).data.organizations.totalCount).toBe(before);
  });

  it('updates only the given fields; null clears; lists are replaced', async () => {
    const o = await createOrg({ name: unique('Umbrella'), domains: [`umb-${seq}.io`], details: 'd', notes: 'n', tags: ['a'] });
    const r = await app.gql(UPDATE_ORG, { id: o.id, input: { notes: null, tags: ['b', 'c'] } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateOrganization).toMatchObject({ name: o.name, domains: o.domains, details: 'd', notes: null, tags: ['b', 'c'] });
    const missing = await app.gql(UPDATE_ORG, { id: '999999', input: { notes: 'x' } });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists A to Z, searches by name prefix ignoring case and accents, and pages', async () => {
    const stem = `zeta${Date.now()}`;
    for (const n of ['Éclair', 'alpha', 'Beta', 'gamma']) await createOrg({ name: `${stem} ${n}` });
    const all = await app.gql(LIST_ORGS, { query: stem.toUpperCase(), first: 10 });
    expect(all.data.organizations.edges.map((e: any) => e.node.name)).toEqual(['alpha', 'Beta', 'Éclair', 'gamma'].map((n) => `${stem} ${n}`));
    expect(all.data.organizations.totalCount).toBe(4);
    const accent = await app.gql(LIST_ORGS, { query: `${stem} ecl` });
    expect(accent.data.organizations.edges.map((e: any) => e.node.name)).toEqual([`${stem} Éclair`]);
    const p1 = await app.gql(LIST_ORGS, { query: stem, first: 3 });
    expect(p1.data.organizations.pageInfo.hasNextPage).toBe(true);
    const p2 = await app.gql(LIST_ORGS, { query: stem, first: 3, after: p1.data.organizations.pageInfo.endCursor });
    expect(p2.data.organizations.edges.map((e: any) => e.node.name)).toEqual([`${stem} gamma`]);
    expect(p2.data.organizations.pageInfo.hasNextPage).toBe(false);
    const bad = await app.gql(LIST_ORGS, { after: 'not-a-cursor' });
    fieldError(bad, 'after');
  });

  it('puts a new user whose email domain belongs to an organization in it, unless another is given', async () => {
    const domain = `joiners-${seq}-${Date.now()}.io`;
    const o = await createOrg({ name: unique('Joiners'), domains: [domain] });
    const other = await createOrg({ name: unique('Elsewhere') });
    const joined = await app.gql(CREATE_USER, { input: { name: 'Jo', email: `jo@${domain.toUpperCase()}` } });
    expect(joined.data.createUser.user.organization).toEqual({ id: o.id, name: o.name });
    const chosen = await app.gql(CREATE_USER, { input: { name: 'Ch', email: `ch@${domain}`, organizationId: other.id } });
    expect(chosen.data.createUser.user.organization).toEqual({ id: other.id, name: other.name });
    const none = await app.gql(CREATE_USER, { input: { name: 'No', email: `no@${domain}`, organizationId: null } });
    expect(none.data.createUser.user.organization).toBeNull();
    // A subdomain is another domain.
    const sub = await app.gql(CREATE_USER, { input: { name: 'Sub', email: `s@mail.${domain}` } });
    expect(sub.data.createUser.user.organization).toBeNull();

    const page = await app.gql(GET_ORG, { id: o.id, first: 10 });
    expect(page.data.organization.userCount).toBe(1);
    expect(page.data.organization.users.edges.map((e: any) => e.node.name)).toEqual(['Jo']);
  });

  it('sets, changes and clears a user organization by id or by name, and records it in the history', async () => {
    const a = await createOrg({ name: unique('Alpha Org') });
    const b = await createOrg({ name: unique('Beta Org') });
    const u = (await app.gql(CREATE_USER, { input: { name: 'Mover', email: `mover${++seq}@acme.io`, organizationId: a.id } })).data.createUser.user;
    const byName = await app.gql(UPDATE_USER, { id: u.id, input: { organization: b.name.toUpperCase() } });
    expect(byName.data.updateUser.organization).toEqual({ id: b.id, name: b.name });
    const cleared = await app.gql(UPDATE_USER, { id: u.id, input: { organizationId: null } });
    expect(cleared.data.updateUser.organization).toBeNull();
    const events = await app.gql(`query($id: ID!) { user(id: $id) { events { edges { node { changes { field oldValue newValue } } } } } }`, {
      id: u.id,
    });
    const orgChanges = events.data.user.events.edges.flatMap((e: any) => e.node.changes).filter((c: any) => c.field === 'organization');
    expect(orgChanges).toEqual([
      { field: 'organization', oldValue: b.name, newValue: null },
      { field: 'organization', oldValue: a.name, newValue: b.name },
      { field: 'organization', oldValue: null, newValue: a.name },
    ]);
  });

  it('refuses an unknown organization id, both id and name at once, and (for agents) an unknown name', async () => {
    const u = (await app.gql(CREATE_USER, { input: { name: 'Stay', email: `stay${++seq}@acme.io` } })).data.createUser.user;
    fieldError(await app.gql(UPDATE_USER, { id: u.id, input: { organizationId: '987654' } }), 'organizationId');
    fieldError(await app.gql(UPDATE_USER, { id: u.id, input: { organizationId: 'abc' } }), 'organizationId');
    fieldError(await app.gql(UPDATE_USER, { id: u.id, input: { organizationId: null, organization: 'X' } }), 'organizationId');
    const agent = await app.person('AGENT');
    const name = unique('Nowhere');
    fieldError(await app.as(agent.auth)(UPDATE_USER, { id: u.id, input: { organization: name } }), 'organization');
    expect((await app.gql(LIST_ORGS, { query: name })).data.organizations.totalCount).toBe(0);
    // An admin naming a new organization creates it.
    const made = await app.gql(UPDATE_USER, { id: u.id, input: { organization: name } });
    expect(made.data.updateUser.organization.name).toBe(name);
    expect((await app.gql(GET_USER, { id: u.id })).data.user.organization.name).toBe(name);
  });

  it('lets agents read and assign organizations but only admins manage them; end users see neither list', async () => {
    const o = await createOrg({ name: unique('Guarded'), notes: 'secret' });
    const agent = await app.person('AGENT');
    const asAgent = app.as(agent.auth);
    expect((await asAgent(GET_ORG, { id: o.id })).data.organization.notes).toBe('secret');
    for (const [doc, vars] of [
      [CREATE_ORG, { input: { name: unique('Nope') } }],
      [UPDATE_ORG, { id: o.id, input: { notes: 'changed' } }],
      [DELETE_ORG, { id: o.id }],
    ] as const) {
      expect((await asAgent(doc, vars)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.gql(GET_ORG, { id: o.id })).data.organization.notes).toBe('secret');
    const endUser = await app.person('END_USER');
    expect((await app.as(endUser.auth)(LIST_ORGS, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.as({ kind: 'anonymous' })(GET_ORG, { id: o.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const readOnly = await app.token(['USERS_READ']);
    expect((await app.as(readOnly.auth)(CREATE_ORG, { input: { name: unique('Tok') } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('deletes an organization and keeps its users, without it', async () => {
    const o = await createOrg({ name: unique('Gone'), domains: [`gone-${seq}-${Date.now()}.io`] });
    const u = (await app.gql(CREATE_USER, { input: { name: 'Left', email: `left${++seq}@acme.io`, organizationId: o.id } })).data.createUser.user;
    expect((await app.gql(DELETE_ORG, { id: o.id })).data.deleteOrganization).toBe(true);
    expect((await app.gql(GET_ORG, { id: o.id })).data.organization).toBeNull();
    expect((await app.gql(GET_USER, { id: u.id })).data.user).toMatchObject({ name: 'Left', organization: null });
    // Leaving it is in the user's history, like any other change of their organization.
    const events = await app.gql(
      `query($id: ID!) { user(id: $id) { events(first: 1) { edges { node { action changes { field oldValue newValue } } } } } }`,
      { id: u.id },
    );
    expect(events.data.user.events.edges[0].node).toEqual({
      action: 'UPDATED',
      changes: [{ field: 'organization', oldValue: o.name, newValue: null }],
    });
    // Its domain is free again.
    expect((await app.gql(CREATE_ORG, { input: { name: unique('Heir'), domains: o.domains } })).errors).toBeUndefined();
  });
});
