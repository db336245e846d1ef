import type { EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import type { Actor } from '../auth/viewer.js';
import type { SessionService } from '../auth/session.service.js';
import type { ApiTokenService } from '../tokens/api-token.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FieldValuesService } from '../fields/field-values.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { Organization } from '../organizations/organization.entity.js';
import type { UserChangeListeners } from './user-change-listeners.js';
import type { DomainChecker } from './domain-check.js';
import { UserAccounts, type CreatedUser, type WriteOptions } from './user-accounts.js';
import type { StaffCreateHook, TeamAddressCheck } from './user-account.types.js';
import { UserCredentials } from './user-credentials.js';
import { UserIdentities } from './user-identities.js';
import { UserReads } from './user-reads.js';
import type { ExportPage, ExportUserRow } from './user-export-rows.js';
import { UserContacts, type ContactOrigin, type FoundOrCreated } from './user-contacts.js';
import type { ParsedEmail } from './email-address.js';
import { UserBatch, type BatchInput, type BatchOptions, type BulkOutcome, type PreparedBatch } from './user-batch.js';
import { UserDeletion, type DeletedUserRow } from './user-deletion.js';
import { possibleDuplicates, UserMerge, type MergePlan, type MergeSide } from './user-merge.js';
import type { Page, PageRequest } from '../db/paging.js';
import type { UserFilter, UserPage, UserPageRequest } from './user-search.js';
import type { CreateUserInput, UpdateUserInput, UserWarning } from './user.inputs.js';
import type { User } from './user.entity.js';
import type { IdentityType, UserIdentity } from './user-identity.entity.js';

export type { Actor, ContactOrigin, CreatedUser, FoundOrCreated, WriteOptions, BatchInput, BatchOptions, BulkOutcome };

export interface UserServiceOptions {
  defaultPhoneCountry?: string;
  /** The optional DNS check of email domains; its verdict only ever adds a warning. */
  domainChecker?: DomainChecker;
  /** EMAIL_DOMAIN_CHECK=block: an address whose domain has no mail server is refused, not only warned about. */
  blockNoMailDomain?: boolean;
  audit: AuditService;
  /** Custom field values: validated before, written inside the user's transaction. */
  fieldValues: FieldValuesService;
  organizations: OrganizationService;
  sessions: SessionService;
  tokens: ApiTokenService;
  /** Told of every change, in its transaction (search index, change feed). */
  changes: UserChangeListeners;
  /** What an account added by the team causes, in its transaction (the welcome email: door/). */
  onStaffCreate?: StaffCreateHook;
  /** What the team is told of an address it names, by hand or on a ticket (the block list's warning: door/). */
  teamAddressCheck?: TeamAddressCheck;
  /** Days a deleted end user stays restorable before erasure (DELETED_USERS_RETENTION_DAYS). */
  deletedRetentionDays?: number;
}

/**
 * The one door for accounts: every path that creates or changes a user
 * (dialog, API, later import, tickets, self sign-up) goes through here; no
 * other code writes users or their identities and tags. The work is done by
 * one part per job:
 *
 *   user-accounts.ts      create, update, delete (profile, tags, organization, custom fields)
 *   user-identities.ts    emails (ownership and end users' unverified claims) and identity changes
 *   user-phones.ts        phone numbers, shared numbers
 *   user-reads.ts         lookups, search, the DataLoaders' batches
 *   user-credentials.ts   password hashes, the sign-in lookup
 *
 * Other modules' tables are written by their services, inside the same
 * transaction: sessions, tokens, organizations, custom field values, audit.
 */
export class UserService {
  private readonly reads: UserReads;
  private readonly identities: UserIdentities;
  private readonly accounts: UserAccounts;
  private readonly credentials: UserCredentials;
  private readonly contacts: UserContacts;
  private readonly batch: UserBatch;
  private readonly deletion: UserDeletion;
  private readonly merging: UserMerge;
  private readonly db: Database;

  constructor(db: Database, opts: UserServiceOptions) {
    const { audit, sessions } = opts;
    this.reads = new UserReads(db);
    this.identities = new UserIdentities(db, {
      audit,
      reads: this.reads,
      changes: opts.changes,
      domainChecker: opts.domainChecker,
      blockNoMailDomain: opts.blockNoMailDomain,
      defaultPhoneCountry: opts.defaultPhoneCountry,
    });
    this.accounts = new UserAccounts(db, { ...opts, fields: opts.fieldValues, identities: this.identities, reads: this.reads });
    this.credentials = new UserCredentials(db, { audit, sessions });
    this.contacts = new UserContacts(this.accounts, this.reads);
    this.batch = new UserBatch(db, this.accounts, this.reads, opts.fieldValues);
    this.db = db;
    this.merging = new UserMerge(db, { audit, sessions, tokens: opts.tokens, changes: opts.changes });
    this.deletion = new UserDeletion(
      db,
      { audit, sessions, tokens: opts.tokens, fields: opts.fieldValues, identities: this.identities, changes: opts.changes },
      opts.deletedRetentionDays,
    );
  }

  // ---- Accounts ----
  create(input: CreateUserInput, actor: Actor, wo?: WriteOptions): Promise<CreatedUser> {
    return this.accounts.create(input, actor, wo);
  }
  update(target: User, input: UpdateUserInput, actor: Actor, wo?: WriteOptions): Promise<User> {
    return this.accounts.update(target, input, actor, wo);
  }
  /** As update, answering whether anything changed (nothing: no write, no history line); a bulk action's step. */
  edit(target: User, input: UpdateUserInput, actor: Actor, wo?: WriteOptions): Promise<boolean> {
    return this.accounts.edit(target, input, actor, wo);
  }
  /** An end user goes to Deleted customers (restorable); a staff account's addresses become free (see user-deletion.ts). */
  delete(target: User, actor: Actor, unless?: (locked: User) => void): Promise<void> {
    return this.deletion.delete(target, actor, unless);
  }
  restore(id: number, actor: Actor): Promise<void> {
    return this.deletion.restore(id, actor);
  }
  erase(id: number, actor: Actor): Promise<void> {
    return this.deletion.erase(id, actor);
  }
  /** Erases the end users deleted longer ago than the retention (the periodic purge; `now` is movable for tests). */
  purgeExpired(actor: Actor, now?: Date): Promise<number> {
    return this.deletion.purgeExpired(actor, now);
  }
  /** Merges `sourceId` into `targetId` (end users only; see user-merge.ts); returns the survivor's id. */
  merge(sourceId: number, targetId: number, choices: ReadonlyMap<string, MergeSide>, actor: Actor): Promise<number> {
    return this.merging.merge(sourceId, targetId, choices, actor);
  }
  mergePreview(sourceId: number, targetId: number): Promise<MergePlan> {
    return this.merging.preview(sourceId, targetId);
  }
  possibleDuplicates(user: User): Promise<number[]> {
    return possibleDuplicates(this.db.manager, user);
  }
  /** The survivor an account was merged into (following merges of merges), or null. */
  async mergedInto(id: number): Promise<number | null> {
    let current = id;
    for (let hop = 0; hop < 10; hop++) {
      const [row] = await this.db.manager.query('SELECT merged_into_id FROM users WHERE id = ?', [current]);
      if (!row || row.merged_into_id === null || row.merged_into_id === undefined) return current === id ? null : current;
      current = Number(row.merged_into_id);
    }
    return current;
  }
  deletedPage(req: PageRequest): Promise<Page<DeletedUserRow> & { total: number }> {
    return this.deletion.deletedPage(req);
  }
  leaveOrganization(m: EntityManager, org: Organization, actor: Actor): Promise<void> {
    return this.accounts.leaveOrganization(m, org, actor);
  }

  /**
   * The account that owns `email` (any of its addresses, any letter case), or
   * a new end user made with it (createdVia and tag from `origin`), inside the
   * caller's transaction `m`. Concurrent calls for one new address make one.
   */
  findOrCreateByEmail(
    m: EntityManager,
    ref: { email: ParsedEmail; name?: string | null },
    origin: ContactOrigin,
    actor: Actor,
  ): Promise<FoundOrCreated> {
    return this.contacts.findOrCreateByEmail(m, ref, origin, actor);
  }
  /**
   * What the team is told of an address it names (createUser, createUsers, upsertUsers, the CSV import, and a
   * requester, CC or side-conversation participant an agent names on a ticket), inside the caller's transaction: BLOCKED_ADDRESS when the block
   * list holds or refuses its requests (field `email`). `created`: this write made the account.
   */
  teamAddressWarnings(m: EntityManager, email: ParsedEmail, created: boolean): Promise<UserWarning[]> {
    return this.accounts.teamAddressWarnings(m, email, created);
  }
  /** Parses an address (BAD_USER_INPUT on `field`) with the domain check's verdict; call it before a transaction. */
  checkEmail(value: unknown, field: string): Promise<ParsedEmail> {
    return this.identities.checkedEmail(value, field);
  }
  /** A user by id inside a transaction (null when there is none or it is deleted). */
  findByIdIn(m: EntityManager, id: number): Promise<User | null> {
    return this.reads.findById(id, m);
  }
  /**
   * Many inputs in one transaction, each through the same rules as create and
   * update, each under a savepoint (a bad one never fails the others): one
   * outcome per input, in order. See user-batch.ts.
   */
  writeBatch(inputs: readonly BatchInput[], actor: Actor, opts: BatchOptions, checked?: PreparedBatch): Promise<BulkOutcome[]> {
    return this.batch.write(inputs, actor, opts, checked);
  }
  /** Validates a batch's inputs ahead of writeBatch (no database). */
  prepareBatch(inputs: readonly BatchInput[]): Promise<PreparedBatch> {
    return this.batch.prepareAll(inputs);
  }

  // ---- Identities ----
  addIdentity(
    target: User,
    input: { type: IdentityType; value: string; verified?: boolean | null },
    actor: Actor,
    unless?: (locked: User) => void,
  ): Promise<{ identity: UserIdentity; warnings: UserWarning[] }> {
    return this.identities.add(target, input, actor, unless);
  }
  removeIdentity(identity: UserIdentity, actor: Actor, unless?: (locked: User) => void): Promise<void> {
    return this.identities.remove(identity, actor, unless);
  }
  makePrimary(identity: UserIdentity, actor: Actor, unless?: (locked: User) => void): Promise<void> {
    return this.identities.makePrimary(identity, actor, unless);
  }
  verifyIdentity(identity: UserIdentity, actor: Actor, unless?: (locked: User) => void): Promise<UserIdentity> {
    return this.identities.verify(identity, actor, unless);
  }

  // ---- Credentials ----
  setPasswordHash(userId: number, hash: string, actor: Actor, keepSessionId: number | null = null): Promise<void> {
    return this.credentials.setPasswordHash(userId, hash, actor, keepSessionId);
  }
  /** Inside the caller's transaction: a new password hash (sessions end), and the address a mailed link proved (door/). */
  setPasswordHashIn(m: EntityManager, userId: number, hash: string, actor: Actor, now: Date): Promise<void> {
    return this.credentials.setPasswordHashIn(m, userId, hash, actor, null, now);
  }
  verifyAddressIn(m: EntityManager, userId: number, normalizedEmail: string, actor: Actor, now: Date): Promise<boolean> {
    return this.identities.verifyAddressIn(m, userId, normalizedEmail, actor, now);
  }
  /** When a person signed in (User.lastSignInAt). */
  recordSignIn(userId: number, now = new Date()): Promise<void> {
    return this.credentials.recordSignIn(userId, now);
  }
  /** A pending teammate's invitation was (re)sent now, inside the transaction that queues its mail (team/). */
  markInvitedIn(m: EntityManager, userId: number, now: Date): Promise<void> {
    return this.credentials.markInvitedIn(m, userId, now);
  }
  passwordHashOf(userId: number): Promise<string | null> {
    return this.credentials.passwordHashOf(userId);
  }
  findForSignIn(normalizedEmail: string): Promise<{ user: User; passwordHash: string | null } | null> {
    return this.credentials.findForSignIn(normalizedEmail);
  }
  countActiveAdmins(): Promise<number> {
    return this.credentials.countActiveAdmins();
  }

  // ---- Reads ----
  findById(id: number): Promise<User | null> {
    return this.reads.findById(id);
  }
  findByEmail(address: string): Promise<User | null> {
    return this.reads.findByEmail(address);
  }
  /** The owner of an address, or 'DELETED' when a deleted customer holds it (see UserReads.holderOfEmail). */
  holderOfEmail(address: string): Promise<User | 'DELETED' | null> {
    return this.reads.holderOfEmail(address);
  }
  identityById(id: number): Promise<UserIdentity | null> {
    return this.reads.identityById(id);
  }
  fieldVersions(userId: number, field: string, limit: number): Promise<{ version: number; value: unknown; actorUserId: number | null; at: Date }[]> {
    return this.reads.fieldVersions(userId, field, limit);
  }
  search(req: UserPageRequest): Promise<UserPage> {
    return this.reads.search(req);
  }
  count(query: string | null, filter?: UserFilter): Promise<number> {
    return this.reads.count(query, filter);
  }
  /** The ids a search and filter match, newest first, a page after beforeId (bulk actions, export). */
  matchingIds(query: string | null, filter: UserFilter | undefined, beforeId: number | null, limit: number): Promise<number[]> {
    return this.reads.matchingIds(query, filter, beforeId, limit);
  }
  /** The export's page of users as plain rows (users-csv.ts): those a search and filter match after beforeId, newest first. */
  exportUsers(query: string | null, filter: UserFilter | undefined, beforeId: number | null, limit: number): Promise<ExportUserRow[]> {
    return this.reads.exportUsers(query, filter, beforeId, limit);
  }
  /** Their identities, tags and the values of fieldIds (or of every field), as plain rows. */
  exportPage(users: ExportUserRow[], fieldIds: readonly number[] | 'every'): Promise<ExportPage> {
    return this.reads.exportPage(users, fieldIds);
  }
  /** "Did you mean …?" queries for a search that matches nobody. */
  suggest(query: string | null, filter?: UserFilter): Promise<string[]> {
    return this.reads.suggest(query, filter);
  }
  tagCounts(query: string | null | undefined, first: number | null | undefined): Promise<{ name: string; count: number }[]> {
    return this.reads.tagCounts(query, first);
  }
  /** Users by external id (any letter case), not deleted. */
  byExternalIds(externalIds: readonly string[]): Promise<User[]> {
    return this.reads.byExternalIds(externalIds);
  }
  byIds(ids: readonly number[]): Promise<User[]> {
    return this.reads.byIds(ids);
  }

  tombstonesOf(ids: readonly number[]): ReturnType<UserReads['tombstonesOf']> {
    return this.reads.tombstonesOf(ids);
  }
  identitiesOf(userIds: readonly number[]): Promise<UserIdentity[]> {
    return this.reads.identitiesOf(userIds);
  }
  tagsOf(userIds: readonly number[]): Promise<{ userId: number; tag: string }[]> {
    return this.reads.tagsOf(userIds);
  }
  holdersOfPhones(numbers: readonly string[]): Promise<{ value: string; userId: number }[]> {
    return this.reads.holdersOfPhones(numbers);
  }
}
