import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Gql, type TestApp } from '../helpers/test-app.js';
import { ok } from '../helpers/answers.js';
import { testDialects } from '../helpers/databases.js';

/**
 * One rule for every id the API takes (README, *The API for partner apps*): an id is the canonical decimal the
 * server writes, within the columns' range; anything else ("01", " 1", "+1", "-1", "1.0", "١", "2147483648")
 * is answered exactly as an id that does not exist. The positions are not a hand list: the test walks
 * schema.graphql for every argument and input field of type ID on Query and Mutation, fills what else is
 * required with plain values, and compares the answer for each variant of an existing id with the answer
 * for an id that names nothing (code, field and whether the field is null; never the message, which quotes
 * the id).
 */
const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const MISSING = '2147483646';
const VARIANTS = ['01', '001', ' 1', '1 ', '+1', '-1', '1.0', '1e0', '0x1', '\u0661', '\uff11', '2147483648', '4294967297', '9007199254740993'];

let probes = 0;

/**
 * A value of an input type with every required field filled with a value its rules take (so that the id decides
 * the answer, not another field checked before it); `at` (a path of field names) holds `id`.
 */
function valueOf(type: GraphQLInputType, at: string[], id: string, name = ''): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [valueOf(t.ofType, at, id, name)];
  if (isInputObjectType(t)) {
    // A person named by an existing id, as ticket inputs take one.
    if (t.name === 'UserRefInput' && at.length === 0) return { id: '1' };
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) {
      if (f.name === at[0]) out[f.name] = valueOf(f.type, at.slice(1), id, f.name);
      else if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueOf(f.type, [], '1', f.name);
    }
    return out;
  }
  if (t.name === 'String' && /email/i.test(name)) return `probe.${++probes}@acme.io`;
  if (isEnumType(t)) return t.getValues()[0].value;
  switch (t.name) {
    case 'ID':
      return id;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return '2026-01-01T00:00:00.000Z';
    case 'Decimal':
      return '1';
    default:
      return 'x';
  }
}

/** Every path below an input type that ends at an ID (through lists and input objects, each type once per path). */
function idPaths(type: GraphQLInputType, seen: Set<string> = new Set()): string[][] {
  const named = getNamedType(type);
  if (named.name === 'ID') return [[]];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const below = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((f) => idPaths(f.type, below).map((p) => [f.name, ...p]));
}

interface Position {
  label: string;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  arg: string;
  path: string[];
}

function positions(): Position[] {
  const out: Position[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()!],
    ['mutation', schema.getMutationType()!],
  ] as const) {
    for (const field of Object.values((root as GraphQLObjectType).getFields())) {
      for (const arg of field.args) {
        for (const path of idPaths(arg.type)) out.push({ label: [field.name, arg.name, ...path].join('.'), kind, field, arg: arg.name, path });
      }
    }
  }
  return out;
}

/** The operation for one position with `id` in it, every other argument as valueOf makes it. */
function operation(p: Position, id: string): { query: string; variables: Record<string, unknown> } {
  const defs: string[] = [];
  const uses: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const a of p.field.args) {
    const chosen = a.name === p.arg;
    if (!chosen && !(isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    defs.push(`$${a.name}: ${String(a.type)}`);
    uses.push(`${a.name}: $${a.name}`);
    variables[a.name] = valueOf(a.type, chosen ? p.path : [], chosen ? id : '1', a.name);
  }
  const selection = isLeafType(getNamedType(p.field.type)) ? '' : ' { __typename }';
  const head = defs.length ? `(${defs.join(', ')})` : '';
  return { query: `${p.kind} Probe${head} { ${p.field.name}${uses.length ? `(${uses.join(', ')})` : ''}${selection} }`, variables };
}

/** What an answer says, without its messages: the first error's code and field, or the data's shape. */
async function answer(gql: Gql, p: Position, id: string) {
  const { query, variables } = operation(p, id);
  const r = await gql(query, variables);
  const e = r.errors?.[0];
  return e ? { code: e.extensions?.code, field: e.extensions?.field } : { data: r.data };
}

describe.each(testDialects())('ids the API takes, on %s', (dialect) => {
  let app: TestApp;
  let admin: Gql;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = app.as(app.admin);
    // Something with id 1 of the kinds most ids name (the first admin is user 1, the partner's token is token 1).
    ok(await admin('mutation { createOrganization(input: { name: "Acme One" }) { id } }'));
    const u = ok(await admin('mutation { createUser(input: { name: "Ada", email: "ada.one@acme.io", organizationId: "1" }) { user { id } } }'));
    ok(
      await admin('mutation($r: ID!) { createTicket(input: { subject: "One", comment: "c", requester: { id: $r } }) { ticket { id } } }', {
        r: u.createUser.user.id,
      }),
    );
    ok(await admin('mutation { createCustomerList(input: { name: "List one", filter: { organizationId: "1" } }) { id } }'));
    ok(await admin('mutation { createUserField(input: { key: "one", title: "One", type: TEXT }) { id } }'));
  });
  afterAll(() => app?.stop());

  const all = positions();

  it('finds the ID arguments and input fields in the schema', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.map((p) => p.label)).toEqual(
      expect.arrayContaining([
        'user.id',
        'deleteUser.id',
        'addUserTags.userId',
        'users.organizationId',
        'users.filter.organizationId',
        'createUser.input.organizationId',
      ]),
    );
  });

  it('reads a canonical id', async () => {
    expect(ok(await admin('{ user(id: "1") { id } organization(id: "1") { id } ticket(id: "1") { id } }'))).toEqual({
      user: { id: '1' },
      organization: { id: '1' },
      ticket: { id: '1' },
    });
  });

  it.each(all.map((p) => [p.label, p] as const))(
    '%s: a non-canonical or out-of-range id is answered as one that does not exist',
    async (_label, p) => {
      const missing = await answer(admin, p, MISSING);
      for (const id of VARIANTS) expect(await answer(admin, p, id), `${p.label} = ${JSON.stringify(id)}`).toEqual(missing);
    },
  );

  it('left everything with id 1 in place (no variant reached it)', async () => {
    const r = ok(await admin('{ user(id: "1") { id } organization(id: "1") { id } ticket(id: "1") { id subject } customerList(id: "1") { id } }'));
    expect(r).toMatchObject({ user: { id: '1' }, organization: { id: '1' }, ticket: { id: '1', subject: 'One' }, customerList: { id: '1' } });
    expect(ok(await app.gql('{ me { id } }')).me.id).toBe('1');
  });
});
