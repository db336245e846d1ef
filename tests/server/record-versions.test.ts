import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';

// Issue 13: two people, one record. Saves that name the version they read are merged with the saves
// made since, or refused with CONFLICT when both sides changed a field; never a silent overwrite.

const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!, $v: Int) {
  updateUser(id: $id, input: $i, expectedVersion: $v) { id version name notes details alias tags organization { name } fields { key value } }
}`;
const READ = 'query($id: ID!) { user(id: $id) { version name notes details alias tags } }';
const ORG_UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!, $v: Int) {
  updateOrganization(id: $id, input: $i, expectedVersion: $v) { id version name notes details tags domains }
}`;

describe.each(testDialects())('record versions, on %s', (dialect) => {
  let app: TestApp;
  let ann: Awaited<ReturnType<TestApp['person']>>;
  let bob: Awaited<ReturnType<TestApp['person']>>;
  let seq = 0;
  let fieldKey: string;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    ann = await app.person('AGENT', 'Ann Agent');
    bob = await app.person('AGENT', 'Bob Agent');
    fieldKey = `tier_${Date.now() % 100000}`;
    const f = await app.as(app.admin)('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { key } }', {
      i: { key: fieldKey, title: 'Tier', type: 'TEXT' },
    });
    expect(f.errors).toBeUndefined();
  });
  afterAll(() => app.stop());

  async function customer(extra: Record<string, unknown> = {}): Promise<string> {
    const r = await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id version } } }', {
      i: { name: `Versioned ${++seq}`, email: `versioned${seq}.${Date.now()}@versions.acme.io`, notes: 'first note', ...extra },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser.user.version).toBe(1);
    return r.data.createUser.user.id;
  }
  const save = (who: TestApp['admin'], id: string, i: Record<string, unknown>, v?: number) => app.as(who)(UPDATE, { id, i, v });

  it('adds one per save that changes something, none for a save that changes nothing', async () => {
    const id = await customer();
    expect((await save(ann.auth, id, { name: `Renamed ${seq}` })).data.updateUser.version).toBe(2);
    expect((await save(ann.auth, id, { name: `Renamed ${seq}` })).data.updateUser.version).toBe(2);
    await app.gql('mutation($id: ID!) { addUserTags(userId: $id, tags: ["x1"]) { id } }', { id });
    expect((await app.gql(READ, { id })).data.user.version).toBe(3);
  });

  it('merges fields only one side changed, keeping the other side’s saves', async () => {
    const id = await customer({ alias: 'Old alias' });
    // Both read version 1. Bob changes the notes; Ann then saves her whole form (the notes as she read them) with a new alias.
    expect((await save(bob.auth, id, { notes: 'Bob wrote this' }, 1)).errors).toBeUndefined();
    const r = await save(ann.auth, id, { notes: 'first note', alias: 'New alias', tags: ['ann'] }, 1);
    expect(r.errors).toBeUndefined();
    expect(r.data.updateUser).toMatchObject({ notes: 'Bob wrote this', alias: 'New alias', tags: ['ann'], version: 3 });
    // The same value on both sides is no conflict.
    const same = await save(ann.auth, id, { notes: 'Bob wrote this' }, 1);
    expect(same.errors).toBeUndefined();
  });

  it('refuses a field both sides changed with CONFLICT naming who, when and both values, writing nothing', async () => {
    const id = await customer();
    await save(bob.auth, id, { notes: 'Bob’s version', fields: [{ key: fieldKey, value: 'gold' }] }, 1);
    const r = await save(ann.auth, id, { notes: 'Ann’s version', alias: 'Not written', fields: [{ key: fieldKey, value: 'silver' }] }, 1);
    expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    const conflicts = r.errors![0].extensions!.conflicts;
    expect(conflicts).toEqual([
      {
        field: 'notes',
        theirValue: 'Bob’s version',
        yourValue: 'Ann’s version',
        redacted: false,
        changedBy: { id: bob.id, name: 'Bob Agent' },
        changedAt: expect.any(String),
      },
      {
        field: `fields.${fieldKey}`,
        theirValue: 'gold',
        yourValue: 'silver',
        redacted: false,
        changedBy: { id: bob.id, name: 'Bob Agent' },
        changedAt: expect.any(String),
      },
    ]);
    expect(Date.now() - new Date(conflicts[0].changedAt).getTime()).toBeLessThan(60_000);
    expect((await app.gql(READ, { id })).data.user).toMatchObject({ notes: 'Bob’s version', alias: null, version: 2 });
    // Having seen theirs, Ann saves from version 2: her choice wins, nothing lost from the history.
    const resolved = await save(ann.auth, id, { notes: 'Ann’s version\nBob’s version' }, 2);
    expect(resolved.data.updateUser.notes).toBe('Ann’s version\nBob’s version');
  });

  it('keeps the last write without expectedVersion, and refuses a version the record never had', async () => {
    const id = await customer();
    await save(bob.auth, id, { notes: 'Bob' });
    expect((await save(ann.auth, id, { notes: 'Ann' })).data.updateUser.notes).toBe('Ann');
    for (const v of [0, -1, 99]) {
      const r = await save(ann.auth, id, { notes: 'x' }, v);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
    }
  });

  it('detects a conflict on tags, organization and the primary email too', async () => {
    const id = await customer();
    const org = async (name: string) =>
      (await app.as(app.admin)('mutation($n: String!) { createOrganization(input: { name: $n }) { id } }', { n: `${name} ${seq}` })).data
        .createOrganization.id;
    const [a, b] = [await org('Org A'), await org('Org B')];
    const first = await save(bob.auth, id, { tags: ['bob'], organizationId: b, alias: 'b', email: `bob.${seq}@versions.acme.io` }, 1);
    expect(first.errors).toBeUndefined();
    const r = await save(ann.auth, id, { tags: ['ann'], organizationId: a, email: `ann.${seq}@versions.acme.io` }, 1);
    expect(r.errors?.[0].extensions?.conflicts.map((c: any) => [c.field, c.theirValue, c.yourValue])).toEqual([
      ['email', `bob.${seq}@versions.acme.io`, `ann.${seq}@versions.acme.io`],
      ['organization', `Org B ${seq}`, `Org A ${seq}`],
      ['tags', 'bob', 'ann'],
    ]);
  });

  it('lists earlier notes for History, and restoring one is a save like any other', async () => {
    const id = await customer();
    await save(ann.auth, id, { notes: 'second note' }, 1);
    await save(bob.auth, id, { notes: 'third note', details: 'some details' }, 2);
    const q =
      'query($id: ID!) { user(id: $id) { textVersions(field: NOTES) { version value changedBy { name } } d: textVersions(field: DETAILS) { value } } }';
    const r = await app.as(ann.auth)(q, { id });
    expect(r.data.user.textVersions).toEqual([
      { version: 3, value: 'third note', changedBy: { name: 'Bob Agent' } },
      { version: 2, value: 'second note', changedBy: { name: 'Ann Agent' } },
    ]);
    expect(r.data.user.d).toEqual([{ value: 'some details' }]);
    const restored = await save(ann.auth, id, { notes: 'second note' }, 3);
    expect(restored.data.updateUser).toMatchObject({ notes: 'second note', version: 4 });
    // End users never see them.
    const end = await app.person('END_USER');
    expect(
      (await app.as(end.auth)('query($id: ID!) { user(id: $id) { textVersions(field: NOTES) { value } } }', { id: end.id })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('versions organizations the same way', async () => {
    const c = await app.as(app.admin)('mutation($n: String!) { createOrganization(input: { name: $n, notes: "n0" }) { id version } }', {
      n: `Versioned Org ${++seq}`,
    });
    const id = c.data.createOrganization.id;
    expect(c.data.createOrganization.version).toBe(1);
    await app.as(app.admin)(ORG_UPDATE, { id, i: { notes: 'theirs', tags: ['t1'] }, v: 1 });
    const merged = await app.as(app.admin)(ORG_UPDATE, { id, i: { notes: 'n0', details: 'mine' }, v: 1 });
    expect(merged.data.updateOrganization).toMatchObject({ notes: 'theirs', details: 'mine', tags: ['t1'], version: 3 });
    const conflict = await app.as(app.admin)(ORG_UPDATE, { id, i: { notes: 'mine too' }, v: 1 });
    expect(conflict.errors?.[0].extensions?.conflicts).toEqual([
      expect.objectContaining({ field: 'notes', theirValue: 'theirs', yourValue: 'mine too' }),
    ]);
    const bad = await app.as(app.admin)(ORG_UPDATE, { id, i: { notes: 'x' }, v: 7 });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
  });

  if (dialect === 'mysql') {
    it('never overwrites silently under concurrent saves of one version (MySQL row lock)', async () => {
      const id = await customer();
      const notes = Array.from({ length: 6 }, (_, i) => `concurrent ${i}`);
      const results = await Promise.all(notes.map((n, i) => save(i % 2 ? ann.auth : bob.auth, id, { notes: n }, 1)));
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(5);
      expect((await app.gql(READ, { id })).data.user).toMatchObject({ notes: ok[0].data.updateUser.notes, version: 2 });
      // Saves of different fields from one version all land, merged.
      const fields = ['alias', 'details', 'name'] as const;
      const merged = await Promise.all(fields.map((f) => save(app.admin, id, { [f]: `${f} value` }, 2)));
      expect(merged.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
      expect((await app.gql(READ, { id })).data.user).toMatchObject({
        alias: 'alias value',
        details: 'details value',
        name: 'name value',
        version: 5,
      });
    });
  }
});
