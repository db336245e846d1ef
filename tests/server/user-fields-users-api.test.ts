import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/databases.js';
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
    it('are checked when the caller asks (checkRequiredFields: true, as the admin app does), and nowhere else', async () => {
      const req = await field('TEXT', { required: true });
      const agent = await app.person('AGENT');
      const CHECKED = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i, checkRequiredFields: true) { id fields { ${VALUE} } } }`;
      const asAgent = app.as(agent.auth);
      // Adding someone with a name and an email is never blocked.
      const created = await asAgent(CREATE_USER, { i: { name: 'Needs Field', email: uniqueEmail() } });
      const id = ok(created).createUser.user.id;
      // Saving the profile without it is refused, naming the key, and changes nothing.
      const refused = await asAgent(CHECKED, { id, i: { name: 'Renamed' } });
      expectFieldError(refused, req.key);
      expect(ok(await app.gql('query($id: ID!) { user(id: $id) { name } }', { id })).user.name).toBe('Needs Field');
      // Clearing it is refused too; filling it makes the save go through.
      expectFieldError(await asAgent(CHECKED, { id, i: { fields: [{ key: req.key, value: '  ' }] } }), req.key);
      ok(await asAgent(CHECKED, { id, i: { name: 'Renamed', fields: [{ key: req.key, value: 'filled' }] } }));
      // Without the argument (its default is false) nothing is checked: a session no more than a partner app (API token).
      const other = ok(await app.gql(CREATE_USER, { i: { name: 'Api Person', email: uniqueEmail() } })).createUser.user.id;
      ok(await asAgent(UPDATE_USER, { id: other, i: { name: 'Session Renamed' } }));
      ok(await app.gql(UPDATE_USER, { id: other, i: { name: 'Api Renamed' } }));
      // A token may ask for the check too: it is an argument, not a property of the client.
      expectFieldError(await app.gql(CHECKED, { id: other, i: { name: 'Checked By Api' } }), req.key);
      // A hidden header changes nothing any more.
      ok(await asAgent(UPDATE_USER, { id: other, i: { name: 'Header Ignored' } }, { 'x-accueil-client': 'admin-app' }));
      // Staff's own accounts are never held to them.
      ok(await asAgent(CHECKED, { id: agent.id, i: { name: 'Agent Renamed' } }));
      // An inactive field is not required.
      ok(await app.gql(UPDATE_FIELD, { id: req.id, i: { active: false } }));
      ok(await asAgent(CHECKED, { id: other, i: { name: 'Now Free' } }));
    });
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
