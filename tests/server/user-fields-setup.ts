import { afterAll, beforeAll, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import type { TestDialect } from '../helpers/databases.js';
import { FieldValuesService } from '../../server/fields/field-values.service.js';
import type { UserFieldInput } from '../../server/fields/user-field.types.js';

// What the custom user field tests (user-fields-*.test.ts) share: their GraphQL
// documents, unique emails and keys, and one app per database with helpers.

export const FIELD =
  'id key title description type pattern patternHint options { id title value position } lookupTarget required active position createdAt updatedAt';
export const CREATE_FIELD = `mutation CreateUserField($i: CreateUserFieldInput!) { createUserField(input: $i) { ${FIELD} } }`;
export const UPDATE_FIELD = `mutation UpdateUserField($id: ID!, $i: UpdateUserFieldInput!) { updateUserField(id: $id, input: $i) { ${FIELD} } }`;
export const REORDER = 'mutation Reorder($ids: [ID!]!) { reorderUserFields(ids: $ids) { id key position } }';
export const DELETE_FIELD = 'mutation DeleteUserField($id: ID!) { deleteUserField(id: $id) }';
export const LIST_FIELDS = `query UserFields($active: Boolean) { userFields(active: $active) { ${FIELD} } }`;
export const VALUE =
  'key type value values text number boolean date options { id title value } user { id name email } organization { id name } field { id key }';
export const USER_VALUES = `query UserValues($id: ID!) { user(id: $id) { id fields { ${VALUE} } } }`;
export const CREATE_USER = `mutation CreateUser($i: CreateUserInput!) { createUser(input: $i) { user { id fields { ${VALUE} } } } }`;
export const UPDATE_USER = `mutation UpdateUser($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id fields { ${VALUE} } } }`;

let seq = 0;
export const uniqueEmail = () => `fields${++seq}.${Date.now()}@acme.io`;
export const uniqueKey = (base: string) => `${base}_${++seq}`;

export type Errors = { errors?: { message: string; extensions?: Record<string, any> }[]; data?: any };

/**
 * Starts the app on `dialect` before the tests of the calling describe block
 * (checking that createUser takes custom field values) and stops it after them.
 * `app`, `svc` and `wired` are read once it has started (in a beforeAll).
 */
export function useUserFieldsApp(dialect: TestDialect) {
  let app: TestApp;
  let svc: FieldValuesService;
  /** Whether createUser/updateUser take `fields` (the users module's wiring); until then values go through the service. */
  let wired = false;

  const expectFieldError = (r: Errors, field: string) => {
    expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };
  const ok = <T = any>(r: Errors): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };

  const createField = async (input: Record<string, unknown>) => ok(await app.gql(CREATE_FIELD, { i: input })).createUserField;
  const field = (type: string, extra: Record<string, unknown> = {}) =>
    createField({ key: uniqueKey(type.toLowerCase()), title: `${type[0]}${type.slice(1).toLowerCase()} field`, type, ...extra });

  const newUser = async (name = 'Field Person'): Promise<string> =>
    ok(await app.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', { i: { name, email: uniqueEmail() } })).createUser
      .user.id;

  /** Sets values: updateUser over HTTP when it takes `fields`, else the service the users module calls. */
  const apply = async (userId: string, fields: UserFieldInput[]): Promise<Errors> => {
    if (wired) return app.gql(UPDATE_USER, { id: userId, i: { fields } });
    try {
      const prepared = await svc.prepare(fields);
      await app.db.transaction((m) => svc.write(m, Number(userId), prepared, new Date()));
      return {};
    } catch (err) {
      if (err instanceof GraphQLError) return { errors: [{ message: err.message, extensions: err.extensions as Record<string, any> }] };
      throw err;
    }
  };
  const values = async (userId: string): Promise<any[]> => ok(await app.gql(USER_VALUES, { id: userId })).user.fields;
  const valueOf = async (userId: string, key: string) => (await values(userId)).find((v) => v.key === key);

  beforeAll(async () => {
    app = await startTestApp(dialect);
    svc = new FieldValuesService(app.db);
    const probe = await field('TEXT');
    const r = await app.gql(CREATE_USER, { i: { name: 'Probe', email: uniqueEmail(), fields: [{ key: probe.key, value: 'x' }] } });
    wired = !r.errors && r.data?.createUser?.user?.fields?.some((v: any) => v.key === probe.key && v.value === 'x');
    if (!wired) throw new Error(`createUser does not take custom field values: ${JSON.stringify(r.errors)}`);
    await app.gql(UPDATE_FIELD, { id: probe.id, i: { active: false } });
  });
  afterAll(() => app?.stop());

  return {
    get app() {
      return app;
    },
    get svc() {
      return svc;
    },
    get wired() {
      return wired;
    },
    expectFieldError,
    ok,
    createField,
    field,
    newUser,
    apply,
    values,
    valueOf,
  };
}
