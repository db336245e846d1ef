import type { EntityManager } from 'typeorm';
import { insertMany } from '../db/inserts.js';
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
  readonly orgByDomain = new Map<string, Organization | null>();
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
  constructor(readonly deferIdentities = false) {}

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
    return [this.audit.length, this.changes.length, this.tags.length, this.owned.length, this.identities.length, this.values.length];
  }
  undo([a, c, t, o, i, v]: number[]): void {
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
}
