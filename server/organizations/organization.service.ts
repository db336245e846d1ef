import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { duplicateKeyOf } from '../db/database.js';
import { fromSqlDate, insertRow, insertRows, placeholders, toSql } from '../db/sql.js';
import { cursorCodec, readPage, type Page, type PageRequest } from '../db/paging.js';
import { NotFoundError, UserInputError } from '../graphql/errors.js';
import { parseEmail } from '../users/email-address.js';
import { LIMITS, normalizeTags, optionalLine, optionalText, searchKey, singleLine } from '../users/profile-rules.js';
import { Organization } from './organization.entity.js';

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
const ORG_COLUMNS = 'o.id, o.name, o.name_key, o.details, o.notes, o.external_id, o.external_id_key, o.created_at, o.updated_at';

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
  });
}

/** Organizations page A to Z: a cursor is the name key and id of an organization. */
export const organizationCursor = cursorCodec('organizations', ['text', 'int']);

/** A mail domain as stored: trimmed, lower-case, ASCII (punycode) form; same rules as an email's domain. */
export function normalizeDomain(value: string): string {
  const raw = singleLine('domains', 'A domain', value, 253).replace(/^@/, '');
  const r = parseEmail(`postmaster@${raw}`);
  if (!r.ok) throw new UserInputError('domains', `"${raw}" is not a domain name: ${r.reason.replace(/^The domain /, 'it ')}`);
  return r.email.domain;
}

function normalizeDomains(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v === 'string' && v.trim() === '') continue;
    out.add(normalizeDomain(v));
  }
  if (out.size > ORG_LIMITS.domains) throw new UserInputError('domains', `An organization can have at most ${ORG_LIMITS.domains} domains.`);
  return [...out];
}

interface Prepared {
  columns: Record<string, unknown>;
  domains?: string[];
  tags?: string[];
}

function prepare(input: OrganizationWrite, creating: boolean): Prepared {
  const columns: Record<string, unknown> = {};
  if (input.name !== undefined || creating) {
    const name = input.name === null || input.name === undefined ? '' : singleLine('name', 'Name', input.name, ORG_LIMITS.name);
    if (name === '') throw new UserInputError('name', 'Name is required.');
    columns.name = name;
    columns.name_key = searchKey(name);
  }
  if (input.details !== undefined) columns.details = input.details === null ? null : optionalText('details', 'Details', input.details, ORG_LIMITS.details);
  if (input.notes !== undefined) columns.notes = input.notes === null ? null : optionalText('notes', 'Notes', input.notes, ORG_LIMITS.notes);
  if (input.externalId !== undefined) {
    const id = input.externalId === null ? null : optionalLine('externalId', 'External ID', input.externalId, LIMITS.externalId);
    columns.external_id = id;
    columns.external_id_key = id === null ? null : id.toLowerCase();
  }
  const out: Prepared = { columns };
  if (input.domains !== undefined) out.domains = input.domains === null ? [] : normalizeDomains(input.domains);
  if (input.tags !== undefined) out.tags = input.tags === null ? [] : normalizeTags(input.tags);
  return out;
}

/** Organizations: a name unique in any letter case, the mail domains whose people join it, tags. */
export class OrganizationService {
  constructor(private readonly db: Database) {}

  async create(input: OrganizationWrite): Promise<Organization> {
    const p = prepare(input, true);
    try {
      const id = await this.db.transaction((m) => this.insert(m, p));
      return (await this.findById(id))!;
    } catch (err) {
      throw await this.explainDuplicate(err, p);
    }
  }

  /** Inside the caller's transaction: an organization by name (a user input naming a new one, for admins). */
  async createInTransaction(m: EntityManager, input: OrganizationWrite): Promise<Organization> {
    const id = await this.insert(m, prepare(input, true));
    return (await this.findById(id, m))!;
  }

  private async insert(m: EntityManager, p: Prepared): Promise<number> {
    const now = new Date();
    const id = await insertRow(m, 'organizations', { ...p.columns, created_at: now, updated_at: now });
    await this.writeLists(m, id, p, true);
    return id;
  }

  async update(id: number, input: OrganizationWrite): Promise<Organization> {
    const p = prepare(input, false);
    try {
      await this.db.transaction(async (m) => {
        const [exists] = await m.query('SELECT id FROM organizations WHERE id = ?', [id]);
        if (!exists) throw new NotFoundError(`Organization ${id}`);
        const cols = Object.keys(p.columns);
        await m.query(`UPDATE organizations SET ${[...cols, 'updated_at'].map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [
          ...cols.map((c) => toSql(p.columns[c])),
          toSql(new Date()),
          id,
        ]);
        await this.writeLists(m, id, p, false);
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
      const org = await this.findById(id, m);
      if (!org) throw new NotFoundError(`Organization ${id}`);
      await releaseUsers(m, org);
      await m.query('DELETE FROM organization_domains WHERE organization_id = ?', [id]);
      await m.query('DELETE FROM organization_tags WHERE organization_id = ?', [id]);
      await m.query('DELETE FROM organizations WHERE id = ?', [id]);
    });
  }

  private async writeLists(m: EntityManager, id: number, p: Prepared, creating: boolean): Promise<void> {
    if (p.domains) {
      if (!creating) await m.query('DELETE FROM organization_domains WHERE organization_id = ?', [id]);
      await insertRows(m, 'organization_domains', ['domain', 'organization_id'], p.domains.map((d) => [d, id]));
    }
    if (p.tags) {
      if (!creating) await m.query('DELETE FROM organization_tags WHERE organization_id = ?', [id]);
      await insertRows(m, 'organization_tags', ['organization_id', 'tag'], p.tags.map((t) => [id, t]));
    }
  }

  private async explainDuplicate(err: unknown, p: Prepared, selfId?: number): Promise<unknown> {
    const dup = duplicateKeyOf(err);
    if (!dup) return err;
    if (/name_key/.test(dup.index) && p.columns.name_key) {
      const [o] = await this.db.manager.query('SELECT id, name FROM organizations WHERE name_key = ?', [p.columns.name_key]);
      const e = new UserInputError('name', `An organization named ${o?.name ?? String(p.columns.name)} already exists.`);
      if (o && Number(o.id) !== selfId) e.extensions.existingOrganizationId = String(o.id);
      return e;
    }
    if (/external_id/.test(dup.index)) {
      return new UserInputError('externalId', 'This external ID is already used by another organization.');
    }
    if (p.domains && (/domain|PRIMARY/i.test(dup.index) || dup.index === '')) {
      const rows = await this.db.manager.query(
        `SELECT d.domain, o.id, o.name FROM organization_domains d JOIN organizations o ON o.id = d.organization_id
         WHERE d.domain IN (${placeholders(p.domains.length)})${selfId ? ' AND o.id <> ?' : ''}`,
        selfId ? [...p.domains, selfId] : [...p.domains],
      );
      if (rows.length) {
        const e = new UserInputError('domains', `${rows[0].domain} already belongs to ${rows[0].name}.`);
        e.extensions.existingOrganizationId = String(rows[0].id);
        return e;
      }
    }
    return err;
  }

  async findById(id: number, m: EntityManager = this.db.manager): Promise<Organization | null> {
    const rows = await m.query(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.id = ?`, [id]);
    return rows.length ? organizationFromRow(rows[0]) : null;
  }

  async byIds(ids: readonly number[]): Promise<Organization[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.query(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.id IN (${placeholders(ids.length)})`, [...ids]);
    return rows.map(organizationFromRow);
  }

  async findByName(name: string, m: EntityManager = this.db.manager): Promise<Organization | null> {
    const rows = await m.query(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.name_key = ?`, [searchKey(name.trim())]);
    return rows.length ? organizationFromRow(rows[0]) : null;
  }

  /** The organization that owns a mail domain, if any. */
  async byDomain(domain: string, m: EntityManager = this.db.manager): Promise<Organization | null> {
    const rows = await m.query(
      `SELECT ${ORG_COLUMNS} FROM organization_domains d JOIN organizations o ON o.id = d.organization_id WHERE d.domain = ?`,
      [domain],
    );
    return rows.length ? organizationFromRow(rows[0]) : null;
  }

  /** Organizations by name, A to Z; `query` matches the start of the name in any letter case. */
  async search(req: PageRequest & { query?: string | null }): Promise<Page<Organization>> {
    const q = normalizeOrgQuery(req.query);
    return readPage(req, { defaultSize: 25, decode: organizationCursor.decode }, async (limit, after): Promise<Organization[]> => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q !== null) {
        where.push('o.name_key >= ? AND o.name_key < ?');
        params.push(q, q + TOP);
      }
      if (after) {
        const [key, id] = after;
        where.push('(o.name_key > ? OR (o.name_key = ? AND o.id > ?))');
        params.push(key, key, id);
      }
      const rows = await this.db.manager.query(
        `SELECT ${ORG_COLUMNS} FROM organizations o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.name_key, o.id LIMIT ${limit}`,
        params,
      );
      return rows.map(organizationFromRow);
    });
  }

  async count(query: string | null | undefined): Promise<number> {
    const q = normalizeOrgQuery(query);
    const [row] =
      q === null
        ? await this.db.manager.query('SELECT COUNT(*) AS n FROM organizations')
        : await this.db.manager.query('SELECT COUNT(*) AS n FROM organizations o WHERE o.name_key >= ? AND o.name_key < ?', [q, q + TOP]);
    return Number(row.n);
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
  if (/[\u0000-\u001f\u007f]/.test(query)) throw new UserInputError('query', 'A search cannot contain control characters.');
  const q = query.trim();
  if (q === '') return null;
  if ([...q].length > 255) throw new UserInputError('query', 'A search can be at most 255 characters.');
  return searchKey(q);
}
