import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
import { importFile } from '../helpers/imports.js';
import { UPDATE_FIELD, VALUE, CREATE_USER, UPDATE_USER, uniqueEmail, useUserFieldsApp } from './user-fields-setup.js';

// Custom user fields through the users API: createUser and updateUser, required fields, and the cost of listing users with their values.

describe.each(testDialects())('custom user fields on %s', (dialect) => {
  const setup = useUserFieldsApp(dialect);
  const { expectFieldError, ok, field, newUser, apply } = setup;
  let app: TestApp;
  beforeAll(() => {
    ({ app } = setup);
  });

  describe('through createUser and updateUser', () => {
    it('creates a user with typed values and changes them, recorded in the history', async () => {
      const plan = await field('DROPDOWN', {
        options: [
          { title: 'Gold plan', value: 'gold' },
          { title: 'Silver plan', value: 'silver' },
        ],
      });
      const seats = await field('INTEGER');
      const created = ok(
        await app.gql(CREATE_USER, {
          i: {
            name: 'Typed',
            email: uniqueEmail(),
            fields: [
              { key: plan.key, value: 'Gold plan' },
              { key: seats.key, value: '25' },
            ],
          },
        }),
      ).createUser.user;
      expect(created.fields.find((v: any) => v.key === plan.key)).toMatchObject({ value: 'gold', options: [{ value: 'gold' }] });
      expect(created.fields.find((v: any) => v.key === seats.key)).toMatchObject({ value: '25', number: '25' });

      const bad = await app.gql(CREATE_USER, { i: { name: 'Bad', email: uniqueEmail(), fields: [{ key: seats.key, value: 'lots' }] } });
      expectFieldError(bad, seats.key);

      const updated = ok(await app.gql(UPDATE_USER, { id: created.id, i: { fields: [{ key: seats.key, value: '30' }] } })).updateUser;
      expect(updated.fields.find((v: any) => v.key === seats.key)).toMatchObject({ value: '30', number: '30' });
      expect(updated.fields.find((v: any) => v.key === plan.key)).toMatchObject({ value: 'gold' });
      const events = ok(
        await app.gql('query($id: ID!) { user(id: $id) { events { edges { node { action changes { field oldValue newValue } } } } } }', {
          id: created.id,
        }),
      ).user.events.edges;
      expect(events[0].node.changes).toContainEqual({ field: `fields.${seats.key}`, oldValue: '25', newValue: '30' });
    });
  });

  describe('required fields', () => {
    const COUNT = 'query($active: Boolean) { userFields(active: $active) { key missingValueCount } }';
    const countOf = async (key: string, auth: Parameters<TestApp['as']>[0] = app.admin) =>
      ok(await app.as(auth)(COUNT, { active: true })).userFields.find((f: any) => f.key === key).missingValueCount as number;

    it('missingValueCount: end users without a value (not staff, not deleted ones); agents and admins only', async () => {
      const f = await field('TEXT');
      const before = await countOf(f.key);
      const [a, , c] = [await newUser('Count A'), await newUser('Count B'), await newUser('Count C')];
      expect(await countOf(f.key)).toBe(before + 3);
      ok(await apply(a, [{ key: f.key, value: 'filled' }]));
      // Staff do not count, with a value or without.
      const agent = await app.person('AGENT');
      expect(await countOf(f.key)).toBe(before + 2);
      ok(await app.gql('mutation($id: ID!) { deleteUser(id: $id) }', { id: c }));
      expect(await countOf(f.key)).toBe(before + 1);
      expect(await countOf(f.key, agent.auth)).toBe(before + 1);

      // An end user cannot read it (nor the fields at all); a token needs users:read.
      const endUser = await app.person('END_USER');
      const asEndUser = await app.as(endUser.auth)(COUNT, { active: true });
      expect(asEndUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const writeOnly = await app.token(['USERS_WRITE']);
      const noScope = await app.as(writeOnly.auth)(COUNT, { active: true });
      expect(noScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(noScope.data?.userFields ?? null).toBeNull();
      // Nor through a nested field: the end user's own profile, a write-only token's mutation payload.
      const nested = await app.as(endUser.auth)('{ me { fields { field { missingValueCount } } } }');
      expect(nested.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(nested.data ?? null)).not.toMatch(/missingValueCount":\d/);
      const admin = await app.token(['USERS_WRITE']);
      const payload = await app.as(admin.auth)(
        'mutation($id: ID!, $i: UpdateUserFieldInput!) { updateUserField(id: $id, input: $i) { id missingValueCount } }',
        { id: f.id, i: { description: 'Asked through a payload' } },
      );
      expect(payload.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(payload.errors?.[0]?.path).toEqual(['updateUserField', 'missingValueCount']);
      // The end user made here is one more without a value.
      const reader = await app.token(['USERS_READ']);
      expect(await countOf(f.key, reader.auth)).toBe(before + 2);
    });

    it('a save that leaves a required field alone is never blocked by it; one that empties it is refused, on every path', async () => {
      const req = await field('TEXT', { required: true });
      const other = await field('TEXT');
      const agent = await app.person('AGENT');
      const asAgent = app.as(agent.auth);
      try {
        // Adding someone with a name and an email is never blocked.
        const id = ok(await asAgent(CREATE_USER, { i: { name: 'Needs Field', email: uniqueEmail() } })).createUser.user.id;
        // updateUser: a save that does not touch it goes through, however it is asked (the old argument changes nothing).
        const CHECKED = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i, checkRequiredFields: true) { id name } }`;
        expect(ok(await asAgent(CHECKED, { id, i: { name: 'Renamed' } })).updateUser.name).toBe('Renamed');
        ok(await app.gql(UPDATE_USER, { id, i: { fields: [{ key: other.key, value: 'x' }] } }));
        // Emptying it is refused, naming it, and changes nothing; for a partner app too.
        ok(await asAgent(UPDATE_USER, { id, i: { fields: [{ key: req.key, value: 'filled' }] } }));
        const cleared = await app.gql(UPDATE_USER, { id, i: { name: 'Not Saved', fields: [{ key: req.key, value: '  ' }] } });
        expectFieldError(cleared, req.key);
        expect(cleared.errors?.[0]?.extensions?.errors).toEqual([
          { field: req.key, code: 'BAD_USER_INPUT', message: expect.stringContaining('required') },
        ]);
        expectFieldError(await asAgent(UPDATE_USER, { id, i: { fields: [{ key: req.key, value: null }] } }), req.key);
        const now = ok(await app.gql(`query($id: ID!) { user(id: $id) { name fields { ${VALUE} } } }`, { id })).user;
        expect(now.name).toBe('Renamed');
        expect(now.fields.find((v: any) => v.key === req.key)).toMatchObject({ value: 'filled' });
        // Staff's own accounts are not held to it.
        ok(await asAgent(UPDATE_USER, { id: agent.id, i: { fields: [{ key: req.key, value: null }] } }));

        // Bulk: upsertUsers updates without the field; the input that empties it fails alone.
        const email = uniqueEmail();
        const lacking = ok(await app.gql(CREATE_USER, { i: { name: 'Bulk Lacking', email } })).createUser.user.id;
        const UPSERT = `mutation($inputs: [UpsertUserInput!]!) { upsertUsers(inputs: $inputs) { index status errors { code field } } }`;
        const bulk = ok(
          await app.gql(UPSERT, {
            inputs: [
              { email, alias: 'Bulk alias' },
              { email: (await userEmail(id))!, fields: [{ key: req.key, value: null }] },
            ],
          }),
        ).upsertUsers;
        expect(bulk.map((o: any) => o.status)).toEqual(['UPDATED', 'FAILED']);
        expect(bulk[1].errors).toEqual([{ code: 'BAD_USER_INPUT', field: req.key }]);
        // bulkUpdateUsers (tags) is not blocked by the field either.
        const tagged = ok(
          await app.gql('mutation($i: BulkUpdateUsersInput!) { bulkUpdateUsers(input: $i) { changed failed { id } } }', {
            i: { ids: [lacking], addTags: ['bulk_tagged'] },
          }),
        ).bulkUpdateUsers;
        expect(tagged).toMatchObject({ changed: 1, failed: [] });

        // Import: an update that does not name the field passes; a blank cell that would clear it fails that row.
        const pass = await importFile(app, `email,alias\n${email},Imported alias\n`, { mode: 'UPDATE' });
        expect(pass).toMatchObject({ updated: 1, failed: 0 });
        const refused = await importFile(app, `email,alias,custom_fields.${req.key}\n${await userEmail(id)},,\n`, {
          mode: 'UPDATE',
          blankCellsClear: 'true',
        });
        expect(refused).toMatchObject({ updated: 0, failed: 1 });
        expect(refused.errors[0]).toMatchObject({ line: 2, code: 'BAD_USER_INPUT' });
        const kept = ok(await app.gql(`query($id: ID!) { user(id: $id) { fields { ${VALUE} } } }`, { id })).user;
        expect(kept.fields.find((v: any) => v.key === req.key)).toMatchObject({ value: 'filled' });
      } finally {
        ok(await app.gql(UPDATE_FIELD, { id: req.id, i: { required: false } }));
      }
    });

    const userEmail = async (id: string): Promise<string | null> =>
      ok(await app.gql('query($id: ID!) { user(id: $id) { email } }', { id })).user.email;
  });

  describe('speed', () => {
    it('lists 100 users with all their values in as many queries as 10 users', async () => {
      const lookup = await field('LOOKUP', { lookupTarget: 'USER' });
      const t = await field('TEXT');
      const m = await field('MULTISELECT', {
        options: [
          { title: 'A', value: 'a' },
          { title: 'B', value: 'b' },
        ],
      });
      const target = await newUser('Looked Up');
      for (let batch = 0; batch < 10; batch++) {
        const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => newUser(`Bulk ${batch}-${i}`)));
        for (const id of ids)
          ok(
            await apply(id, [
              { key: lookup.key, value: target },
              { key: t.key, value: `t${id}` },
              { key: m.key, values: ['a', 'b'] },
            ]),
          );
      }
      const count = async (first: number) => {
        // Every statement of either driver goes through its query runner (the manager, transactions).
        const runner = app.db.ds.createQueryRunner();
        const ds = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
        await runner.release();
        const original = ds.query;
        const seen: string[] = [];
        ds.query = function (this: unknown, ...args: unknown[]) {
          // The page itself and what its fields need (sessions and tokens are the same for both calls).
          if (/user_field|organizations|FROM users/.test(String(args[0]))) seen.push(String(args[0]));
          return original.apply(this, args);
        };
        try {
          const r = ok(
            await app.gql(
              `query($n: Int) { users(first: $n) { edges { node { id fields { key value values user { id name email } organization { id } } } } } }`,
              { n: first },
            ),
          );
          expect(r.users.edges).toHaveLength(first);
          const withLookup = r.users.edges.filter((e: any) => e.node.fields.find((v: any) => v.key === lookup.key)?.user?.id === target);
          expect(withLookup.length).toBe(first);
        } finally {
          ds.query = original;
        }
        return seen.length;
      };
      const ten = await count(10);
      const hundred = await count(100);
      expect(ten).toBeGreaterThan(0); // the hook does count
      expect(hundred).toBe(ten);
      expect(hundred).toBeLessThanOrEqual(8);
    });
  });
});
