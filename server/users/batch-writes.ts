import type { EntityManager } from 'typeorm';
import { insertMany, insertManyReturningIds } from '../db/inserts.js';
import { User } from './user.entity.js';
import type { UserSnapshot } from './batch-snapshots.js';
import type { Actor } from '../auth/viewer.js';
import type { AuditAction, AuditService } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { UserChangeKind, UserChangeListeners } from './user-change-listeners.js';
import { UserTag } from './user-tag.entity.js';
import type { UserIdentities } from './user-identities.js';
import { UserIdentity } from './user-identity.entity.js';
import type { PhoneHolders } from './user-phones.js';
import { UserFieldValueEntity } from '../fields/user-field.entity.js';

/**
 * The writes of a batch that can wait for the end of its transaction: each
 * account's history line, the change listeners' news and new accounts' tags
 * are collected and written in multi-row statements before the commit (still
 * inside the transaction). Reads a batch makes many times (the organization
 * of a mail domain) are remembered. An input rolled back to its savepoint
 * takes its collected writes with it (mark / undo).
 */
export class BatchWrites implements PhoneHolders {
  private audit: { subjectId: number; action: AuditAction; changes: FieldChange[]; at: Date }[] = [];
  private changes: { userId: number; kind: UserChangeKind; at: Date }[] = [];
  private tags: { userId: number; tag: string }[] = [];
  private owned: { normalized: string; ownerId: number }[] = [];
  private identities: UserIdentity[] = [];
  private values: Partial<UserFieldValueEntity>[] = [];
  /** New accounts waiting for their insert, under the temporary (negative) ids the rows above name until then. */
  private users: User[] = [];
  /** Temporary id -> the id the database gave (kept for the whole batch). */
  private readonly realIds = new Map<number, number>();
  readonly orgByDomain = new Map<string, Organization | null>();
  /** The accounts the batch updates, locked and read at once (see batch-snapshots.ts); dropped when one is written. */
  readonly snapshots = new Map<number, UserSnapshot>();
  /** Organizations named by the batch's inputs, by lower-cased name. */
  readonly orgByName = new Map<string, Organization>();

  record(subjectId: number, action: AuditAction, changes: FieldChange[], at: Date): void {
    this.audit.push({ subjectId, action, changes, at });
  }
  changed(userId: number, kind: UserChangeKind, at: Date): void {
    this.changes.push({ userId, kind, at });
  }
  addTags(userId: number, tags: string[]): void {
    for (const tag of tags) this.tags.push({ userId, tag });
  }

  /**
   * @param deferIdentities new accounts' primary emails are inserted at the
   * end too (a batch without savepoints: a taken address then fails the whole
   * batch, which runs again input by input).
   */
  constructor(
    readonly deferIdentities = false,
    /**
     * New accounts themselves are inserted at the end too, many to a
     * statement, where the database numbers them consecutively (see
     * inserts.ts): until then they carry temporary negative ids.
     */
    private readonly userNumbering: { mysql: boolean; increment: number } | null = null,
  ) {}

  /** Whether new accounts wait for the end of the batch (then `deferUser` gives their temporary id). */
  get defersUsers(): boolean {
    return this.deferIdentities && this.userNumbering !== null;
  }

  /** A new account inserted at the end of the batch; its temporary id until then. */
  deferUser(user: User): number {
    this.users.push(user);
    return -this.users.length;
  }

  /** The id the database gave a deferred account (after the flush), or `id` itself. */
  realId(id: number): number {
    return id < 0 ? (this.realIds.get(id) ?? id) : id;
  }

  /** New accounts' custom field values. */
  fieldValues(rows: Partial<UserFieldValueEntity>[]): void {
    this.values.push(...rows);
  }

  identity(row: UserIdentity): void {
    this.identities.push(row);
  }

  /** Phone numbers' holders, read once for the batch (with deferred identities only: see PhoneHolders). */
  readonly holders = new Map<string, { id: number; name: string } | null>();

  /** As the phones' code takes it, when the batch defers its identities. */
  get phones(): PhoneHolders | undefined {
    return this.deferIdentities ? this : undefined;
  }

  /** A new account's address: other users' claims on it are dropped at the end of the batch. */
  ownedEmail(normalized: string, ownerId: number): void {
    this.owned.push({ normalized, ownerId });
  }

  mark(): number[] {
    return [
      this.audit.length,
      this.changes.length,
      this.tags.length,
      this.owned.length,
      this.identities.length,
      this.values.length,
      this.users.length,
    ];
  }
  undo([a, c, t, o, i, v, u]: number[]): void {
    this.users.length = u;
    this.values.length = v;
    this.identities.length = i;
    this.audit.length = a;
    this.changes.length = c;
    this.tags.length = t;
    this.owned.length = o;
    // A rolled-back input may have created an organization that no longer exists.
    this.orgByDomain.clear();
    this.orgByName.clear();
  }

  async flush(
    m: EntityManager,
    actor: Actor,
    deps: { audit: AuditService; changes: UserChangeListeners; identities: UserIdentities },
  ): Promise<void> {
    await this.insertUsers(m);
    for (let i = 0; i < this.values.length; i += 1000) await insertMany(m, UserFieldValueEntity, this.values.slice(i, i + 1000));
    for (let i = 0; i < this.identities.length; i += 1000) await insertMany(m, UserIdentity, this.identities.slice(i, i + 1000));
    await deps.identities.dropClaimsOfMany(m, this.owned, actor, this.audit[0]?.at ?? new Date());
    for (let i = 0; i < this.tags.length; i += 1000) await insertMany(m, UserTag, this.tags.slice(i, i + 1000));
    await deps.audit.recordMany(m, actor, this.audit);
    for (const kind of ['CREATED', 'UPDATED', 'DELETED'] as const) {
      const of = this.changes.filter((c) => c.kind === kind);
      if (of.length)
        await deps.changes.changed(
          m,
          of.map((c) => c.userId),
          kind,
          of[0].at,
        );
    }
    this.audit = [];
    this.changes = [];
    this.tags = [];
    this.owned = [];
    this.identities = [];
    this.values = [];
  }

  /** Inserts the deferred accounts, then gives every collected row (and the accounts' own objects) their real ids. */
  private async insertUsers(m: EntityManager): Promise<void> {
    if (this.users.length === 0) return;
    const users = this.users;
    this.users = [];
    for (const u of users) delete (u as Partial<User>).id;
    const ids = await insertManyReturningIds(m, User, users, this.userNumbering!);
    users.forEach((u, i) => {
      this.realIds.set(-(i + 1), ids[i]);
      u.id = ids[i];
    });
    const real = (id: number) => this.realId(id);
    for (const a of this.audit) a.subjectId = real(a.subjectId);
    for (const c of this.changes) c.userId = real(c.userId);
    for (const t of this.tags) t.userId = real(t.userId);
    for (const o of this.owned) o.ownerId = real(o.ownerId);
    for (const i of this.identities) i.userId = real(i.userId);
    for (const v of this.values) if (v.userId !== undefined) v.userId = real(v.userId);
    for (const [n, h] of this.holders) if (h && h.id < 0) this.holders.set(n, { ...h, id: real(h.id) });
  }
}
