import type { Request } from 'express';
import { UserInputError } from '../graphql/errors.js';
import { Role } from '../users/role.js';
import { UserFieldCondition, UserFilterInput } from '../users/user-filter.types.js';
import { msg } from '../i18n/message.js';
import { fitKey, quoteInput } from '../text/text-rules.js';

/**
 * The query parameters of GET /exports/users.csv, read strictly: a parameter
 * this export does not know (a typo, `query[]=`, `roles[]=`), one given twice
 * that takes one value, `listId` beside filter parameters, or a `filter` that
 * is not a UserFilterInput object (`[]`, `null`, `"x"`, an unknown key, a
 * value of the wrong type) is refused with 400 naming the parameter, never
 * ignored: an ignored condition would export every user. A parameter that
 * `filter` also gives is refused too: it would replace that condition.
 */

const LIST_PARAMS = ['tagsAll', 'tagsAny', 'tagsNone', 'roles'] as const;
const BOOL_PARAMS = ['withoutOrganization', 'verified', 'suspended'] as const;
const DATE_PARAMS = ['createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore'] as const;
const ONE_VALUE_PARAMS = ['listId', 'filter', 'query', 'organizationId', ...BOOL_PARAMS, ...DATE_PARAMS] as const;
export const EXPORT_PARAMS: readonly string[] = [...ONE_VALUE_PARAMS.slice(0, 4), ...LIST_PARAMS, ...BOOL_PARAMS, ...DATE_PARAMS];

/** The GraphQL type of each key of a UserFilterInput (as schema.graphql writes it), and a check of a JSON value against it. */
type Check = [type: string, ok: (v: unknown) => boolean];
const isString = (v: unknown) => typeof v === 'string';
const ROLES: readonly unknown[] = Object.values(Role);
const isRole = (v: unknown) => ROLES.includes(v);
const strings: Check = ['[String!]', (v) => Array.isArray(v) && v.every(isString)];
const boolean: Check = ['Boolean', (v) => typeof v === 'boolean'];
const time: Check = ['DateTimeISO', isString];
const FILTER_KEYS: Record<keyof UserFilterInput, Check> = {
  query: ['String', isString],
  tagsAll: strings,
  tagsAny: strings,
  tagsNone: strings,
  organizationId: ['ID', (v) => isString(v) || Number.isSafeInteger(v)],
  withoutOrganization: boolean,
  roles: ['[Role!]', (v) => Array.isArray(v) && v.every(isRole)],
  verified: boolean,
  suspended: boolean,
  createdAfter: time,
  createdBefore: time,
  updatedAfter: time,
  updatedBefore: time,
  fields: ['[UserFieldConditionInput!]', Array.isArray],
};
const CONDITION_KEYS: Record<keyof UserFieldCondition, Check> = {
  key: ['String!', isString],
  equals: ['String', isString],
  values: strings,
  isEmpty: boolean,
  before: ['String', isString],
  after: ['String', isString],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Copies the keys of `raw` onto `target` after checking each against its type (null: left out); path names them in errors. */
function assignChecked<T extends object>(target: T, raw: Record<string, unknown>, keys: Record<string, Check>, path: string): T {
  for (const [k, v] of Object.entries(raw)) {
    const at = `${path}${k}`;
    if (!has(keys, k)) throw new UserInputError('filter', msg('exports.filterUnknownKey', { key: quoteInput(at) }));
    const [type, ok] = keys[k];
    if (v === null) {
      if (type.endsWith('!')) throw new UserInputError('filter', msg('exports.filterWrongType', { key: at, type }));
      continue;
    }
    if (!ok(v)) throw new UserInputError('filter', msg('exports.filterWrongType', { key: at, type }));
    (target as Record<string, unknown>)[k] = v;
  }
  return target;
}

/** `filter=<UserFilterInput as JSON>`: an object whose keys and values are those of the GraphQL input. */
function filterFromJson(json: string): UserFilterInput {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UserInputError('filter', msg('exports.filterMustJsonUserfilterinput'));
  }
  if (!isObject(raw)) throw new UserInputError('filter', msg('exports.filterMustJsonUserfilterinput'));
  const f = assignChecked(new UserFilterInput(), raw, FILTER_KEYS, '');
  if (f.fields) {
    f.fields = (f.fields as unknown[]).map((c, i) => {
      if (!isObject(c)) throw new UserInputError('filter', msg('exports.filterWrongType', { key: `fields[${i}]`, type: 'UserFieldConditionInput' }));
      if (!isString(c.key)) throw new UserInputError('filter', msg('exports.filterWrongType', { key: `fields[${i}].key`, type: 'String!' }));
      return assignChecked(new UserFieldCondition(), c, CONDITION_KEYS, `fields[${i}].`);
    });
  }
  return f;
}

/** Each parameter's values, after refusing unknown names, repeats of a one-value parameter and values that are not text. */
function readParams(req: Request): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of Object.entries(req.query)) {
    const field = fitKey(name, 100);
    if (!EXPORT_PARAMS.includes(name))
      throw new UserInputError(field, msg('exports.unknownParameter', { name: quoteInput(name), known: EXPORT_PARAMS.join(', ') }));
    const values = Array.isArray(value) ? value : [value];
    if (!values.every(isString))
      throw new UserInputError(field, msg('exports.unknownParameter', { name: quoteInput(name), known: EXPORT_PARAMS.join(', ') }));
    if (values.length > 1 && (ONE_VALUE_PARAMS as readonly string[]).includes(name))
      throw new UserInputError(name, msg('exports.parameterOnce', { name }));
    out.set(name, values as string[]);
  }
  if (out.has('listId')) {
    const other = [...out.keys()].find((k) => k !== 'listId');
    if (other) throw new UserInputError(other, msg('exports.listIdAlone', { name: other }));
  }
  return out;
}

/** What the parameters ask for: a saved list by id, or a filter (validated later, as users(filter:) does). */
export function exportRequest(req: Request): { listId: string } | { filter: UserFilterInput } {
  const params = readParams(req);
  const one = (name: string): string | undefined => params.get(name)?.[0];
  const listId = one('listId');
  if (listId !== undefined) return { listId };
  const json = one('filter');
  const f = json !== undefined ? filterFromJson(json) : new UserFilterInput();
  // A parameter would replace the condition filter gives (filter={"query":"a"}&query=b exported b's matches, not both).
  const both = [...params.keys()].find((k) => k !== 'filter' && (f as Record<string, unknown>)[k] != null);
  if (both) throw new UserInputError(both, msg('exports.parameterAndFilter', { name: both }));
  const query = one('query');
  if (query !== undefined) f.query = query;
  const org = one('organizationId');
  if (org !== undefined) f.organizationId = org;
  for (const k of LIST_PARAMS) {
    const values = (params.get(k) ?? []).flatMap((v) => v.split(','));
    if (values.length) (f as Record<string, unknown>)[k] = values;
  }
  if (f.roles && !f.roles.every(isRole)) throw new UserInputError('roles', msg('exports.rolesAreEndUser'));
  for (const k of BOOL_PARAMS) {
    const v = one(k);
    if (v === undefined) continue;
    if (v !== 'true' && v !== 'false') throw new UserInputError(k, msg('exports.trueFalse', { k }));
    f[k] = v === 'true';
  }
  for (const k of DATE_PARAMS) {
    const v = one(k) ?? (f[k] as unknown as string | undefined);
    if (v === undefined || v === null) continue;
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new UserInputError(k, msg('exports.iSO8601Time', { k }));
    f[k] = d;
  }
  return { filter: f };
}
