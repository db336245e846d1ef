import type { Database } from '../db/database.js';
import { UserInputError } from '../graphql/errors.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import { normalizeName } from '../users/profile-rules.js';
import { UserFieldCondition, UserFilterInput, UserSortInput } from '../users/user-filter.types.js';
import { userFilterOf } from '../users/user-filter.js';
import { normalizeQuery } from '../users/user-search.js';
import { CUSTOM_FIELD_PREFIX } from '../imports/user-columns.js';
import { CustomerListEntity } from './customer-list.entity.js';
import { CustomerList, MAX_COLUMNS, type CreateCustomerListInput, type UpdateCustomerListInput } from './customer-list.types.js';
import { msg } from '../i18n/message.js';

/** The columns a list may show besides custom fields. */
export const LIST_COLUMNS = [
  'name',
  'email',
  'phone',
  'organization',
  'tags',
  'role',
  'external_id',
  'alias',
  'time_zone',
  'locale',
  'verified',
  'suspended',
  'created_at',
  'updated_at',
] as const;
export const DEFAULT_COLUMNS = ['name', 'email', 'organization', 'tags', 'created_at'];
/** Most lists one person sees (theirs and the shared ones). */
export const MAX_LISTS = 200;

const FILTER_KEYS = [
  'query',
  'tagsAll',
  'tagsAny',
  'tagsNone',
  'organizationId',
  'withoutOrganization',
  'roles',
  'verified',
  'suspended',
  'createdAfter',
  'createdBefore',
  'updatedAfter',
  'updatedBefore',
  'fields',
] as const;
const DATE_KEYS = new Set(['createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore']);

/** A filter as JSON: the conditions given, times as ISO text. */
function filterToJson(f: UserFilterInput): string {
  const out: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === null || v === undefined) continue;
    out[k] = v instanceof Date ? v.toISOString() : k === 'fields' ? (v as UserFieldCondition[]).map((c) => ({ ...c })) : v;
  }
  return JSON.stringify(out);
}

export function filterFromJson(json: string): UserFilterInput {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const f = new UserFilterInput();
  for (const k of FILTER_KEYS) {
    if (raw[k] === undefined) continue;
    (f as Record<string, unknown>)[k] = DATE_KEYS.has(k)
      ? new Date(String(raw[k]))
      : k === 'fields'
        ? (raw[k] as object[]).map((c) => Object.assign(new UserFieldCondition(), c))
        : raw[k];
  }
  return f;
}

export function toCustomerList(e: CustomerListEntity): CustomerList {
  return Object.assign(new CustomerList(), {
    id: String(e.id),
    name: e.name,
    shared: e.shared,
    ownerId: e.ownerId,
    filter: filterFromJson(e.filterJson),
    columns: JSON.parse(e.columnsJson) as string[],
    sort: e.sortJson ? Object.assign(new UserSortInput(), JSON.parse(e.sortJson)) : null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });
}

/** Saved customer lists: validation and storage; who may do what is the resolver's (customer-list.policy.ts). */
export class CustomerListService {
  constructor(
    private readonly db: Database,
    private readonly fieldValues: FieldValuesService,
  ) {}

  /** The lists someone sees: theirs and the shared ones, by name. */
  async visibleTo(userId: number): Promise<CustomerList[]> {
    const rows = await this.db.manager
      .createQueryBuilder(CustomerListEntity, 'l')
      .where('l.owner_id = :userId OR l.shared = :shared', { userId, shared: true })
      .orderBy('l.name', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .take(MAX_LISTS)
      .getMany();
    return rows.map(toCustomerList);
  }

  async byId(id: number): Promise<CustomerList | null> {
    const row = await this.db.manager.findOneBy(CustomerListEntity, { id });
    return row ? toCustomerList(row) : null;
  }

  /** Checks a filter as users(filter:) would (unknown fields, bounds), and returns it. */
  private async checkedFilter(filter: UserFilterInput): Promise<UserFilterInput> {
    normalizeQuery(filter.query);
    await userFilterOf(filter, this.fieldValues);
    return filter;
  }

  private async checkedColumns(columns: string[]): Promise<string[]> {
    if (columns.length === 0) throw new UserInputError('columns', msg('lists.listShowsAtLeast'));
    if (columns.length > MAX_COLUMNS) throw new UserInputError('columns', msg('lists.listShowsAtMost', { maxColumns: MAX_COLUMNS }));
    const keys = new Set((await this.fieldValues.definitions()).map((f) => f.key));
    const out = columns.map((c) => c.trim().toLowerCase());
    for (const c of out) {
      const known =
        (LIST_COLUMNS as readonly string[]).includes(c) || (c.startsWith(CUSTOM_FIELD_PREFIX) && keys.has(c.slice(CUSTOM_FIELD_PREFIX.length)));
      if (!known) throw new UserInputError('columns', msg('lists.thereNoColumn', { value: c.slice(0, 80) }));
    }
    return [...new Set(out)];
  }

  async create(input: CreateCustomerListInput, ownerId: number): Promise<CustomerList> {
    const now = new Date();
    const row = Object.assign(new CustomerListEntity(), {
      name: normalizeName(input.name),
      ownerId,
      shared: input.shared === true,
      filterJson: filterToJson(await this.checkedFilter(input.filter)),
      columnsJson: JSON.stringify(await this.checkedColumns(input.columns ?? DEFAULT_COLUMNS)),
      sortJson: input.sort ? JSON.stringify({ field: input.sort.field, direction: input.sort.direction }) : null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.manager.save(row);
    return toCustomerList(row);
  }

  async update(id: number, input: UpdateCustomerListInput): Promise<CustomerList> {
    const changes: Partial<CustomerListEntity> = { updatedAt: new Date() };
    if (input.name !== undefined) {
      if (input.name === null) throw new UserInputError('name', msg('lists.nameEmpty'));
      changes.name = normalizeName(input.name);
    }
    if (input.filter !== undefined) {
      if (input.filter === null) throw new UserInputError('filter', msg('lists.listNeedsFilterEmpty'));
      changes.filterJson = filterToJson(await this.checkedFilter(input.filter));
    }
    if (input.shared !== undefined && input.shared !== null) changes.shared = input.shared;
    if (input.columns !== undefined) changes.columnsJson = JSON.stringify(await this.checkedColumns(input.columns ?? DEFAULT_COLUMNS));
    if (input.sort !== undefined) changes.sortJson = input.sort ? JSON.stringify({ field: input.sort.field, direction: input.sort.direction }) : null;
    await this.db.manager.update(CustomerListEntity, { id }, changes);
    const saved = await this.byId(id);
    if (!saved) throw new Error(`customer list ${id} vanished`);
    return saved;
  }

  async delete(id: number): Promise<void> {
    await this.db.manager.delete(CustomerListEntity, { id });
  }
}
