import type { UserChangeListeners } from '../users/user-change-listeners.js';
import { In, Not, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { insertMany, insertOne } from '../db/inserts.js';
import { forShare, forUpdate } from '../db/locks.js';
import { fromSqlDate, placeholders } from '../db/sql.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { InputProblems, NotFoundError, UserInputError } from '../graphql/errors.js';
import { parseEmail } from '../users/email-address.js';
import { externalIdKey, LIMITS, normalizeTags, optionalLine, optionalText, searchKey, singleLine } from '../users/profile-rules.js';
import { quoteInput, searchProblem } from '../text/text-rules.js';
import { Organization, OrganizationDomain, OrganizationTag } from './organization.entity.js';
import { reconcile, recordVersion, sameValue, type VersionChange } from '../versions/record-versions.js';
import { msg } from '../i18n/message.js';

export const ORG_LIMITS = { name: 255, domains: 100, details: 65_535, notes: 65_535 } as const;
const TOP = '\u{10FFFF}';

export interface OrganizationWrite {
  name?: string | null;
  domains?: string[] | null;
  details?: string | null;
  notes?: string | null;
  tags?: string[] | null;
  externalId?: string | null;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** For the per-request batches that read organizations with plain SQL. */
export function organizationFromRow(r: Row): Organization {
  return Object.assign(new Organization(), {
    id: Number(r.id),
    name: String(r.name),
    nameKey: String(r.name_key),
    details: str(r.details),
    notes: str(r.notes),
    externalId: str(r.external_id),
    externalIdKey: str(r.external_id_key),
    createdAt: fromSqlDate(r.created_at),
    updatedAt: fromSqlDate(r.updated_at),
    version: Number(r.version ?? 1),
  });
}

/** Organizations page A to Z: a cursor is the name key and id of an organization. */
export const organizationCursor = cursorCodec('organizations', ['text', 'int']);

/** A mail domain as stored: trimmed, lower-case, ASCII (punycode) form; same rules as an email's domain. */
export function normalizeDomain(value: string): string {
  const raw = singleLine('domains', 'A domain', value, 253).replace(/^@/, '');
  const r = parseEmail(`postmaster@${raw}`);
  if (!r.ok) throw new UserInputError('domains', msg('organizations.notDomainName', { raw: quoteInput(raw), reason: r.reason }));
  return r.email.domain;
}

function normalizeDomains(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v === 'string' && v.trim() === '') continue;
    out.add(normalizeDomain(v));
  }
  if (out.size > ORG_LIMITS.domains)
    throw new UserInputError('domains', msg('organizations.organizationHaveAtMost', { domains: ORG_LIMITS.domains }));
  return [...out];
}

type Columns = Partial<Pick<Organization, 'name' | 'nameKey' | 'details' | 'notes' | 'externalId' | 'externalIdKey'>>;

interface Prepared {
  columns: Columns;
  domains?: string[];
  tags?: string[];
}

const VERSIONED = ['name', 'details', 'notes', 'externalId'] as const;

/** Merges a save made from `expectedVersion` with the saves since: fields only others changed are left out of `p`. */
async function reconcileOrganization(m: EntityManager, before: Organization, p: Prepared, expectedVersion: number): Promise<void> {
  const mine = new Map<string, unknown>();
  for (const f of VERSIONED) if (p.columns[f] !== undefined) mine.set(f, p.columns[f]);
  if (p.domains) mine.set('domains', [...p.domains].sort());
  if (p.tags) mine.set('tags', [...p.tags].sort());
  for (const f of await reconcile(m, 'organization', before.id, expectedVersion, before.version, mine)) {
    if (f === 'domains' || f === 'tags') p[f] = undefined;
    else {
      delete p.columns[f as (typeof VERSIONED)[number]];
      if (f === 'name') delete p.columns.nameKey;
      if (f === 'externalId') delete p.columns.externalIdKey;
    }
  }
}

/** What a save changes, with values, for record_versions. */
function organizationChanges(before: Organization, lists: { domains: string[]; tags: string[] }, p: Prepared): VersionChange[] {
  const out: VersionChange[] = [];
  for (const f of VERSIONED)
    if (p.columns[f] !== undefined && p.columns[f] !== before[f]) out.push({ field: f, before: before[f], after: p.columns[f] });
  for (const f of ['domains', 'tags'] as const) {
    const after = p[f] ? [...p[f]].sort() : undefined;
    if (after && !sameValue(after, lists[f])) out.push({ field: f, before: lists[f], after });
  }
  return out;
}

/** The input's columns and lists, checked: every invalid field at once. */
function prepare(input: OrganizationWrite, creating: boolean): Prepared {
  const problems = new InputProblems();
  const columns: Columns = {};
  if (input.name !== undefined || creating) {
    problems.check(() => {
      const name = input.name === null || input.name === undefined ? '' : singleLine('name', 'Name', input.name, ORG_LIMITS.name, 'name');
      if (name === '') throw new UserInputError('name', msg('organizations.nameRequired'));
      columns.name = name;
      columns.nameKey = searchKey(name);
    });
  }
  if (input.details !== undefined)
    problems.check(() => (columns.details = input.details == null ? null : optionalText('details', 'Details', input.details, ORG_LIMITS.details)));
  if (input.notes !== undefined)
    problems.check(() => (columns.notes = input.notes == null ? null : optionalText('notes', 'Notes', input.notes, ORG_LIMITS.notes)));
  if (input.externalId !== undefined) {
    problems.check(() => {
      const id = input.externalId == null ? null : optionalLine('externalId', 'External ID', input.externalId, LIMITS.externalId, 'name');
      columns.externalId = id;
      columns.externalIdKey = id === null ? null : externalIdKey(id);
    });
  }
  const out: Prepared = { columns };
  if (input.domains !== undefined) problems.check(() => (out.domains = input.domains == null ? [] : normalizeDomains(input.domains)));
  if (input.tags !== undefined) problems.check(() => (out.tags = input.tags == null ? [] : normalizeTags(input.tags)));
  problems.throwIfAny();
  return out;
}

/** Told, inside the write transaction, of an organization added, changed or deleted (as it is after the change; before, for a deletion). */
export type OrganizationChangeListener = (m: EntityManager, kind: 'CREATED' | 'UPDATED' | 'DELETED', org: Organization) => Promise<void>;

/** Organizations: a name unique in any letter case, the mail domains whose people join it, tags. */
export class OrganizationService {
  /** Listeners of organization changes (webhooks), in the change's transaction. */
  readonly listeners: OrganizationChangeListener[] = [];

  constructor(
    private readonly db: Database,
    /** Members show the organization's name: a rename is a change of each of them. */
    private readonly userChanges?: UserChangeListeners,
  ) {}

  async create(input: OrganizationWrite): Promise<Organization> {
    const p = prepare(input, true);
    try {
      const id = await this.db.transaction((m) => this.insert(m, p));
      return (await this.findById(id))!;
    } catch (err) {
      throw await this.explainDuplicate(err, p);
    }
  }

  /**
   * Inside the caller's transaction: the organization with this name, made
   * when there is none (an admin's user input naming a new one). When another
   * transaction makes it at the same time, the unique name decides and this
   * one uses the winner's.
   */
  async findOrCreateByName(m: EntityManager, name: string): Promise<Organization> {
    const p = prepare({ name }, true);
    const found = await this.findByName(name, m);
    if (found) return found;
    try {
      return (await this.findById(await this.insert(m, p), m))!;
    } catch (err) {
      if (!duplicateKeyOf(err)) throw err;
      // A locking read sees the row the other transaction committed.
      const winner = await forShare(m.createQueryBuilder(Organization, 'o').where('o.name_key = :key', { key: p.columns.nameKey })).getOne();
      if (!winner) throw err;
      return winner;
    }
  }

  private async insert(m: EntityManager, p: Prepared): Promise<number> {
    const now = new Date();
    const id = await insertOne(m, Organization, { ...p.columns, createdAt: now, updatedAt: now });
    await this.writeLists(m, id, p, true);
    await this.tell(m, 'CREATED', id);
    return id;
  }

  /**
   * Changes the given fields. `expectedVersion`: the version the change was
   * made from; saves made since are merged or refused with CONFLICT (see
   * server/versions/record-versions.ts).
   */
  async update(id: number, input: OrganizationWrite, opts: { expectedVersion?: number; actorUserId?: number | null } = {}): Promise<Organization> {
    const p = prepare(input, false);
    try {
      await this.db.transaction(async (m) => {
        const before = await this.lock(m, id);
        const now = new Date();
        const lists = {
          domains: (await m.find(OrganizationDomain, { where: { organizationId: id } })).map((d) => d.domain).sort(),
          tags: (await m.find(OrganizationTag, { where: { organizationId: id } })).map((t) => t.tag).sort(),
        };
        if (opts.expectedVersion !== undefined) await reconcileOrganization(m, before, p, opts.expectedVersion);
        const changes = organizationChanges(before, lists, p);
        await m.update(Organization, { id }, { ...p.columns, updatedAt: now });
        await this.writeLists(m, id, p, false);
        if (changes.length) await recordVersion(m, 'organization', id, opts.actorUserId ?? null, changes, now);
        if (p.columns.name !== undefined && p.columns.name !== before.name) await this.userChanges?.organizationChanged(m, id, now);
        await this.tell(m, 'UPDATED', id);
      });
    } catch (err) {
      throw await this.explainDuplicate(err, p, id);
    }
    return (await this.findById(id))!;
  }

  /**
   * Deletes an organization; its users stay, without an organization.
   * `releaseUsers` (the user service) takes them out in the same transaction.
   */
  async delete(id: number, releaseUsers: (m: EntityManager, org: Organization) => Promise<void>): Promise<void> {
    await this.db.transaction(async (m) => {
      const org = await this.lock(m, id);
      await releaseUsers(m, org);
      await m.delete(OrganizationDomain, { organizationId: id });
      await m.delete(OrganizationTag, { organizationId: id });
      await m.delete(Organization, { id });
      for (const listener of this.listeners) await listener(m, 'DELETED', org);
    });
  }

  private async tell(m: EntityManager, kind: 'CREATED' | 'UPDATED', id: number): Promise<void> {
    if (this.listeners.length === 0) return;
    const org = (await this.findById(id, m))!;
    for (const listener of this.listeners) await listener(m, kind, org);
  }

  /** Locks an organization's row for a change (NOT_FOUND when there is none): changes of one organization take turns. */
  private async lock(m: EntityManager, id: number): Promise<Organization> {
    const org = await forUpdate(m.createQueryBuilder(Organization, 'o').where('o.id = :id', { id })).getOne();
    if (!org) throw new NotFoundError(msg('notFound.organization', { id }));
    return org;
  }

  private async writeLists(m: EntityManager, id: number, p: Prepared, creating: boolean): Promise<void> {
    if (p.domains) {
      if (!creating) await m.delete(OrganizationDomain, { organizationId: id });
      await insertMany(
        m,
        OrganizationDomain,
        p.domains.map((domain) => ({ domain, organizationId: id })),
      );
    }
    if (p.tags) {
      if (!creating) await m.delete(OrganizationTag, { organizationId: id });
      await insertMany(
        m,
        OrganizationTag,
        p.tags.map((tag) => ({ tag, organizationId: id })),
      );
    }
  }

  private async explainDuplicate(err: unknown, p: Prepared, selfId?: number): Promise<unknown> {
    const dup = duplicateKeyOf(err);
    if (!dup) return err;
    if (/name_key/.test(dup.index) && p.columns.nameKey) {
      const o = await this.db.manager.findOneBy(Organization, { nameKey: p.columns.nameKey });
      const e = new UserInputError('name', msg('organizations.organizationNamedAlreadyExists', { value: o?.name ?? String(p.columns.name) }));
      if (o && o.id !== selfId) e.extensions.existingOrganizationId = String(o.id);
      return e;
    }
    if (/external_id/.test(dup.index)) {
      return new UserInputError('externalId', msg('organizations.externalIdAlreadyUsed'));
    }
    if (p.domains && (/domain|PRIMARY/i.test(dup.index) || dup.index === '')) {
      const taken = await this.db.manager.findOne(OrganizationDomain, {
        where: { domain: In(p.domains), ...(selfId ? { organizationId: Not(selfId) } : {}) },
      });
      const owner = taken && (await this.findById(taken.organizationId));
      if (taken && owner) {
        const e = new UserInputError('domains', msg('organizations.alreadyBelongs', { domain: taken.domain, name: owner.name }));
        e.extensions.existingOrganizationId = String(owner.id);
        return e;
      }
    }
    return err;
  }

  findById(id: number, m: EntityManager = this.db.manager): Promise<Organization | null> {
    return m.findOneBy(Organization, { id });
  }

  findByName(name: string, m: EntityManager = this.db.manager): Promise<Organization | null> {
    return m.findOneBy(Organization, { nameKey: searchKey(name.trim()) });
  }

  /** The organization that owns a mail domain, if any. Plain SQL: createUser asks it for every new account. */
  async byDomain(domain: string, m: EntityManager = this.db.manager): Promise<Organization | null> {
    const [row] = await m.query('SELECT o.* FROM organization_domains d JOIN organizations o ON o.id = d.organization_id WHERE d.domain = ?', [
      domain,
    ]);
    return row ? organizationFromRow(row) : null;
  }

  /** Organizations by name, A to Z; `query` matches the start of the name in any letter case. */
  async search(req: PageRequest & { query?: string | null }): Promise<Page<Organization>> {
    const q = normalizeOrgQuery(req.query);
    return readPage(req, { defaultSize: 25, decode: organizationCursor.decode }, (limit, after) => {
      const qb = this.matching(q).orderBy('o.name_key').addOrderBy('o.id').limit(limit);
      if (after) qb.andWhere('(o.name_key > :key OR (o.name_key = :key AND o.id > :id))', { key: after[0], id: after[1] });
      return qb.getMany();
    });
  }

  count(query: string | null | undefined): Promise<number> {
    return this.matching(normalizeOrgQuery(query)).getCount();
  }

  private matching(q: string | null) {
    const qb = this.db.manager.createQueryBuilder(Organization, 'o');
    return q === null ? qb.where('1 = 1') : qb.where('o.name_key >= :from AND o.name_key < :to', { from: q, to: q + TOP });
  }

  // ---- Batches for the DataLoaders (plain SQL: read for the organizations of a page of users) ----

  async byIds(ids: readonly number[]): Promise<Organization[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.query(`SELECT * FROM organizations WHERE id IN (${placeholders(ids.length)})`, [...ids]);
    return rows.map(organizationFromRow);
  }

  async domainsOf(ids: readonly number[]): Promise<{ id: number; value: string }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT organization_id, domain FROM organization_domains WHERE organization_id IN (${placeholders(ids.length)}) ORDER BY domain`,
      [...ids],
    );
    return rows.map((r: Row) => ({ id: Number(r.organization_id), value: String(r.domain) }));
  }

  async tagsOf(ids: readonly number[]): Promise<{ id: number; value: string }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.query(
      `SELECT organization_id, tag FROM organization_tags WHERE organization_id IN (${placeholders(ids.length)}) ORDER BY tag`,
      [...ids],
    );
    return rows.map((r: Row) => ({ id: Number(r.organization_id), value: String(r.tag) }));
  }

  async userCounts(ids: readonly number[]): Promise<Map<number, number>> {
    const out = new Map<number, number>(ids.map((id) => [id, 0]));
    if (ids.length === 0) return out;
    const rows = await this.db.manager.query(
      `SELECT organization_id, COUNT(*) AS n FROM users WHERE deleted_at IS NULL AND organization_id IN (${placeholders(ids.length)}) GROUP BY organization_id`,
      [...ids],
    );
    for (const r of rows) out.set(Number(r.organization_id), Number(r.n));
    return out;
  }
}

function normalizeOrgQuery(query: string | null | undefined): string | null {
  if (query === null || query === undefined) return null;
  const problem = searchProblem(query);
  if (problem) throw new UserInputError('query', problem);
  const q = query.trim();
  if (q === '') return null;
  if ([...q].length > 255) throw new UserInputError('query', msg('organizations.searchAtMost255'));
  return searchKey(q);
}
