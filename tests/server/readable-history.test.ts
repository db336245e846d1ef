import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { TimeZoneNames1765600000200 } from '../../server/db/migrations/1765600000200-time-zone-names.js';

// Issue 13, French all the way: time zones by their current names (old names accepted, stored as the
// current ones, rewritten by a migration), and a history whose values say what they are and what they
// refer to now (people and organizations by their current name, or gone; option titles).

const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id timeZone } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id timeZone } }`;
const VALUE = 'kind value label refId gone';
const HISTORY = `query($id: ID!) { user(id: $id) { events(first: 20) { edges { node { action changes {
  field oldValue newValue redacted oldDisplay { ${VALUE} } newDisplay { ${VALUE} } } } } } } }`;

describe.each(testDialects())('readable history and time zone names, on %s', (dialect) => {
  let app: TestApp;
  let seq = 0;
  beforeAll(async () => {
    app = await startTestApp(dialect);
  });
  afterAll(() => app.stop());

  async function customer(extra: Record<string, unknown> = {}): Promise<string> {
    const r = await app.gql(CREATE, { i: { name: `Reader ${++seq}`, email: `reader${seq}@history.acme.io`, ...extra } });
    expect(r.errors).toBeUndefined();
    return r.data.createUser.user.id;
  }
  async function changes(id: string): Promise<any[]> {
    const r = await app.gql(HISTORY, { id });
    expect(r.errors).toBeUndefined();
    return r.data.user.events.edges.flatMap((e: any) => e.node.changes);
  }
  const org = async (name: string): Promise<string> => {
    const r = await app.as(app.admin)('mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }', { i: { name } });
    expect(r.errors).toBeUndefined();
    return r.data.createOrganization.id;
  };

  it('shows phone numbers the way a profile does (+44 20 7946 0910), the stored value unchanged', async () => {
    const id = await customer({ phone: '+33 6 12 34 56 78' });
    const added = await app.gql('mutation($u: ID!, $i: AddUserIdentityInput!) { addUserIdentity(userId: $u, input: $i) { __typename } }', {
      u: id,
      i: { type: 'PHONE', value: '+44 20 7946 0910' },
    });
    expect(added.errors).toBeUndefined();
    const all = await changes(id);
    const extra = all.find((c) => c.field === 'phones');
    expect(extra).toMatchObject({ newValue: '+442079460910', newDisplay: { kind: 'TEXT', value: '+44 20 7946 0910' } });
    const primary = all.find((c) => c.field === 'phone');
    expect(primary.newDisplay).toMatchObject({ kind: 'TEXT', value: '+33 6 12 34 56 78' });
  });

  it('accepts old and current time zone names and stores the current one', async () => {
    const id = await customer({ timeZone: 'Asia/Calcutta' });
    expect((await app.gql('query($id: ID!) { user(id: $id) { timeZone } }', { id })).data.user.timeZone).toBe('Asia/Kolkata');
    for (const [typed, stored] of [
      ['Europe/Kiev', 'Europe/Kyiv'],
      ['europe/kyiv', 'Europe/Kyiv'],
      ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
      ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh'],
      ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
      ['Europe/Paris', 'Europe/Paris'],
    ]) {
      const r = await app.gql(UPDATE, { id, i: { timeZone: typed } });
      expect(r.errors, typed).toBeUndefined();
      expect(r.data.updateUser.timeZone, typed).toBe(stored);
    }
    const bad = await app.gql(UPDATE, { id, i: { timeZone: 'Mars/Olympus_Mons' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    // The history says the zone by its current name too.
    const zone = (await changes(id)).find((c) => c.field === 'timeZone' && c.newValue === 'Asia/Ho_Chi_Minh');
    expect(zone.oldDisplay).toMatchObject({ kind: 'TIME_ZONE', value: 'Europe/Kyiv' });
  });

  it('rewrites stored old time zone names to the current ones (migration)', async () => {
    const kolkata = await customer();
    const paris = await customer({ timeZone: 'Europe/Paris' });
    const kyiv = await customer();
    const manager = app.db.manager;
    await manager.query('UPDATE users SET time_zone = ? WHERE id = ?', ['Asia/Calcutta', Number(kolkata)]);
    await manager.query('UPDATE users SET time_zone = ? WHERE id = ?', ['Europe/Kiev', Number(kyiv)]);
    const runner = app.db.ds.createQueryRunner();
    try {
      await new TimeZoneNames1765600000200().up(runner);
    } finally {
      await runner.release();
    }
    const rows: { id: number; time_zone: string }[] = await manager.query('SELECT id, time_zone FROM users WHERE id IN (?, ?, ?) ORDER BY id', [
      Number(kolkata),
      Number(paris),
      Number(kyiv),
    ]);
    expect(rows.map((r) => r.time_zone)).toEqual(['Asia/Kolkata', 'Europe/Paris', 'Europe/Kyiv']);
  });

  it('names organizations as they are now, renamed or deleted since the change', async () => {
    const navy = await org(`Navy ${Date.now()}`);
    const army = await org(`Army ${Date.now()}`);
    const id = await customer({ organizationId: navy });
    expect((await app.gql(UPDATE, { id, i: { organizationId: army } })).errors).toBeUndefined();
    const renamed = `Royal Navy ${Date.now()}`;
    const r = await app.as(app.admin)('mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id } }', {
      id: navy,
      i: { name: renamed },
    });
    expect(r.errors).toBeUndefined();
    expect((await app.as(app.admin)('mutation($id: ID!) { deleteOrganization(id: $id) }', { id: army })).errors).toBeUndefined();

    const lines = (await changes(id)).filter((c) => c.field === 'organization');
    // Newest first: leaving the deleted Army, Navy -> Army, joining Navy.
    expect(lines).toHaveLength(3);
    const [left, moved, joined] = lines;
    expect(left.oldDisplay).toMatchObject({ kind: 'ORGANIZATION', label: null, refId: null, gone: true });
    expect(left.newDisplay).toBeNull();
    expect(moved.oldDisplay).toMatchObject({ kind: 'ORGANIZATION', label: renamed, refId: navy, gone: false });
    expect(moved.oldDisplay.value).toMatch(/^Navy /);
    expect(moved.newDisplay).toMatchObject({ kind: 'ORGANIZATION', label: null, gone: true });
    expect(moved.newDisplay.value).toMatch(/^Army /);
    expect(joined.oldDisplay).toBeNull();
    expect(joined.newDisplay).toMatchObject({ label: renamed, refId: navy });
  });

  it('says what custom values are: option titles, people by name (or gone), numbers, dates, booleans', async () => {
    const key = (name: string) => `${name}_${dialect}_${Date.now() % 100000}`;
    const keys = { plan: key('plan'), manager: key('manager'), seats: key('seats'), renewal: key('renewal'), vip: key('vip') };
    const fields = [
      {
        key: keys.plan,
        title: 'Plan',
        type: 'DROPDOWN',
        options: [
          { title: 'Free plan', value: 'free' },
          { title: 'Pro plan', value: 'pro' },
        ],
      },
      { key: keys.manager, title: 'Manager', type: 'LOOKUP', lookupTarget: 'USER' },
      { key: keys.seats, title: 'Seats', type: 'DECIMAL' },
      { key: keys.renewal, title: 'Renewal', type: 'DATE' },
      { key: keys.vip, title: 'VIP', type: 'CHECKBOX' },
    ];
    for (const i of fields) {
      const r = await app.as(app.admin)('mutation($i: CreateUserFieldInput!) { createUserField(input: $i) { key } }', { i });
      expect(r.errors, i.key).toBeUndefined();
    }
    const boss = await customer();
    const bossName = `Reader ${seq}`;
    const gone = await customer();
    const id = await customer({ locale: 'fr-CA' });
    const set = (values: Record<string, string>) =>
      app.gql(UPDATE, { id, i: { fields: Object.entries(values).map(([k, value]) => ({ key: k, value })) } });
    expect(
      (await set({ [keys.plan]: 'free', [keys.manager]: gone, [keys.seats]: '1234.5', [keys.renewal]: '2026-03-05', [keys.vip]: 'true' })).errors,
    ).toBeUndefined();
    expect((await set({ [keys.plan]: 'pro', [keys.manager]: boss })).errors).toBeUndefined();
    expect((await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: gone })).errors).toBeUndefined();

    const all = await changes(id);
    const line = (k: string) => all.find((c) => c.field === `fields.${k}` && c.oldValue !== null);
    expect(line(keys.plan).oldDisplay).toEqual({ kind: 'OPTION', value: 'free', label: 'Free plan', refId: null, gone: false });
    expect(line(keys.plan).newDisplay).toMatchObject({ kind: 'OPTION', value: 'pro', label: 'Pro plan' });
    expect(line(keys.manager).oldDisplay).toEqual({ kind: 'PERSON', value: gone, label: null, refId: null, gone: true });
    expect(line(keys.manager).newDisplay).toEqual({ kind: 'PERSON', value: boss, label: bossName, refId: boss, gone: false });
    const first = (k: string) => all.find((c) => c.field === `fields.${k}`).newDisplay;
    expect(first(keys.seats)).toMatchObject({ kind: 'NUMBER', value: '1234.5' });
    expect(first(keys.renewal)).toMatchObject({ kind: 'DATE', value: '2026-03-05' });
    expect(first(keys.vip)).toMatchObject({ kind: 'BOOLEAN', value: 'true' });
    expect(all.find((c) => c.field === 'locale').newDisplay).toMatchObject({ kind: 'LANGUAGE', value: 'fr-CA' });
  });
});
