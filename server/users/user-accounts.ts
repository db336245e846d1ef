import { In, type EntityManager } from 'typeorm';
import type { Database } from '../db/database.js';
import { insertMany, insertOne } from '../db/inserts.js';
import { forUpdate } from '../db/locks.js';
import { InputProblems, NotFoundError, UserInputError } from '../graphql/errors.js';
import type { Actor } from '../auth/viewer.js';
import { change, organizationChange, type AuditAction } from '../audit/audit.service.js';
import type { FieldChange } from '../audit/audit.types.js';
import { emptiedRequiredError } from '../fields/required-fields.js';
import type { UserField } from '../fields/user-field.types.js';
import type { Organization } from '../organizations/organization.entity.js';
import { quoteInput } from '../text/text-rules.js';
import type { AccountDeps, AppliedUpdate, CreatedUser, PreparedCreate, PreparedUpdate, WriteOptions } from './user-account.types.js';
import { editedTags, normalizeTags } from './profile-rules.js';
import { profileChanges } from './user-changes.js';
import type { ParsedEmail } from './email-address.js';
import { prepareExtras, writeExtras, type Extras } from './user-extra-addresses.js';
import { emailWarnings } from './email-deliverability.js';
import { insertPhone, setPrimaryPhone, sharedPhoneWarning } from './user-phones.js';
import { lockUser } from './user-reads.js';
import { reconcileUser, VERSIONED, versionChanges } from './user-versions.js';
import { recordVersion } from '../versions/record-versions.js';
import type { CreateUserInput, UpdateUserInput, UserWarning } from './user.inputs.js';
import { CreatedVia, Role, User } from './user.entity.js';
import { UserTag } from './user-tag.entity.js';
import type { BatchWrites } from './batch-writes.js';
import { IdentityType, UserIdentity } from './user-identity.entity.js';
import { msg } from '../i18n/message.js';
import { explainDuplicate, type DuplicateKeys } from './duplicate-keys.js';
import { keepOneAdmin, lockActiveAdmins } from './last-admin.js';

/** Profile properties the audit trail names, in the order it lists them. */
const AUDITED = VERSIONED;

function actionFor(changes: FieldChange[]): AuditAction {
  if (changes.some((c) => c.field === 'role')) return 'ROLE_CHANGED';
  const suspended = changes.find((c) => c.field === 'suspended');
  if (suspended) return suspended.newValue === 'true' ? 'SUSPENDED' : 'UNSUSPENDED';
  return 'UPDATED';
}

export type { AccountDeps, AppliedUpdate, CreatedUser, PreparedCreate, PreparedUpdate, WriteOptions };

/**
 * Creating, changing and deleting accounts, each in one transaction that
 * records what changed. A change locks what its rules read: the user's row
 * (so concurrent changes of one user take turns and the history's old values
 * chain), and the active admins when it may take away the last one.
 */
export class UserAccounts {
  constructor(
    private readonly db: Database,
    private readonly deps: AccountDeps,
  ) {}

  /** Validates a new account's input (BAD_USER_INPUT naming the field), reading nothing it will lock. */
  async prepareCreate(input: CreateUserInput, extras: Extras = {}, checked?: ParsedEmail): Promise<PreparedCreate> {
    const problems = new InputProblems();
    if (input.name === null || input.name === undefined) problems.add(new UserInputError('name', msg('organizations.nameRequired')));
    const update = await problems.checkAsync(() => this.prepareUpdate(input, extras, undefined, checked));
    problems.throwIfAny();
    return this.asCreate(update);
  }

  /** A prepared change as a new account's: a name and an email are required. */
  async asCreate(p: PreparedUpdate): Promise<PreparedCreate> {
    if (p.changes.columns.name === undefined) throw new UserInputError('name', msg('organizations.nameRequired'));
    return { ...p, email: p.email ?? (await this.deps.identities.checkedEmail(undefined)) };
  }

  async create(input: CreateUserInput, actor: Actor, wo: WriteOptions = {}): Promise<CreatedUser> {
    const prepared = await this.prepareCreate(input);
    try {
      return await this.db.transaction(async (m) => {
        const created = await this.insertForTeam(m, prepared, actor, wo, new Date());
        await this.deps.onStaffCreate?.(m, { user: created.user, email: prepared.email }, actor);
        return created;
      });
    } catch (err) {
      throw await this.explainDuplicate(err, { email: prepared.email.normalized, externalIdKey: prepared.changes.columns.externalIdKey });
    }
  }

  /** What the team is told of an address it names (the block list's warning), in `m`; `created`: this write made the account. */
  teamAddressWarnings(m: EntityManager, email: ParsedEmail, created: boolean): Promise<UserWarning[]> {
    return this.deps.teamAddressCheck ? this.deps.teamAddressCheck(m, email, created) : Promise.resolve([]);
  }

  /**
   * A new account the team writes (createUser, and each new one of createUsers, upsertUsers and the CSV import), in
   * the caller's transaction: insertPrepared's warnings, then the block list's. The one list of a create's warnings.
   */
  async insertForTeam(m: EntityManager, p: PreparedCreate, actor: Actor, wo: WriteOptions, now: Date): Promise<CreatedUser> {
    const created = await this.insertPrepared(m, p, actor, wo, now);
    created.warnings.push(...(await this.teamAddressWarnings(m, p.email, true)));
    return created;
  }

  /** Writes a prepared account inside the caller's transaction (a duplicate key is the caller's to explain). */
  async insertPrepared(m: EntityManager, p: PreparedCreate, actor: Actor, wo: WriteOptions, now: Date): Promise<CreatedUser> {
    const { changes, email } = p;
    const c = changes.columns;
    const user = Object.assign(new User(), {
      name: c.name!,
      nameKey: c.nameKey!,
      role: c.role ?? Role.END_USER,
      phone: c.phone ?? null,
      organizationId: null as number | null,
      timeZone: c.timeZone ?? null,
      locale: c.locale ?? null,
      externalId: c.externalId ?? null,
      externalIdKey: c.externalIdKey ?? null,
      alias: c.alias ?? null,
      details: c.details ?? null,
      notes: c.notes ?? null,
      verified: c.verified ?? false,
      suspended: c.suspended ?? false,
      createdVia: actor.via,
      createdById: actor.userId,
      deletedAt: null,
      deletedById: null,
      erasedAt: null,
      mergedIntoId: null,
      lastSignInAt: null,
      invitedAt: actor.via === CreatedVia.INVITATION ? now : null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    const tags = changes.tags ?? [];
    const org =
      changes.organization === undefined
        ? await this.orgOfDomain(m, email.domain, wo.batch) // a new user joins the organization of their mail domain
        : await this.resolveOrganization(m, changes.organization, wo);
    user.organizationId = org?.id ?? null;
    user.id = wo.batch?.defersUsers ? wo.batch.deferUser(user) : await insertOne(m, User, user);
    const claimsLater = wo.batch !== undefined;
    const identities = [
      await this.deps.identities.insertOwnedEmail(
        m,
        user.id,
        email,
        { primary: true, verified: user.verified, claimsLater, deferTo: wo.batch?.deferIdentities ? wo.batch : undefined },
        actor,
        now,
      ),
    ];
    wo.batch?.ownedEmail(email.normalized, user.id);
    if (wo.batch) wo.batch.addTags(user.id, tags);
    else await insertTags(m, user.id, tags);
    const warnings = emailWarnings(email);
    if (user.phone) {
      const phone = await insertPhone(m, user.id, user.phone, { primary: true, now, userName: user.name }, wo.batch?.phones);
      identities.push(phone.identity);
      if (phone.owner) warnings.push(sharedPhoneWarning('phone', user.phone, phone.owner));
    }
    const extra = await writeExtras(
      m,
      this.deps.identities,
      user.id,
      p.extras,
      [email.normalized],
      user.phone ? [user.phone] : [],
      actor,
      now,
      warnings,
      wo.batch,
    );
    const recorded = [
      change('email', null, email.address),
      ...AUDITED.filter((f) => user[f] !== null && user[f] !== false).map((f) => change(f, null, user[f])),
      ...(org ? [organizationChange(null, org)] : []),
      ...(tags.length ? [change('tags', null, tags)] : []),
      ...extra,
      ...(await this.deps.fields.write(m, user.id, p.fields, now, { defer: wo.batch ? (rows) => wo.batch!.fieldValues(rows) : undefined })),
    ];
    if (wo.batch) {
      wo.batch.record(user.id, 'CREATED', recorded, now);
      wo.batch.changed(user.id, 'CREATED', now);
    } else {
      await this.deps.audit.record(m, user.id, 'CREATED', actor, recorded, now);
      await this.deps.changes.changed(m, [user.id], 'CREATED', now);
    }
    user.primaryEmail = email.address;
    return { user, identities, tags, warnings };
  }

  /** Validates a change's input: BAD_USER_INPUT naming the field, or every invalid field at once (extensions.errors). */
  async prepareUpdate(input: UpdateUserInput, extras: Extras = {}, definitions?: UserField[], checked?: ParsedEmail): Promise<PreparedUpdate> {
    const problems = new InputProblems();
    const changes = problems.check(() => profileChanges(input, this.deps));
    // An email already checked (a ticket's address) is not looked up again.
    const email = checked ?? (input.email !== undefined ? await problems.checkAsync(() => this.deps.identities.checkedEmail(input.email)) : null);
    const fields = await problems.checkAsync(() => this.deps.fields.prepare(input.fields, undefined, definitions));
    const prepared = await problems.checkAsync(() => prepareExtras(extras, this.deps.identities, this.deps.defaultPhoneCountry));
    problems.throwIfAny();
    return { changes, email, fields, extras: prepared };
  }

  /** Changes the given fields of `target` (already authorized by the caller) and records what changed. */
  async update(target: User, input: UpdateUserInput, actor: Actor, wo: WriteOptions = {}): Promise<User> {
    await this.edit(target, input, actor, wo);
    return (await this.deps.reads.findById(target.id))!;
  }

  /** As update, without reading the user back: whether anything changed (false: nothing written, no history line). */
  async edit(target: User, input: UpdateUserInput, actor: Actor, wo: WriteOptions = {}): Promise<boolean> {
    const prepared = await this.prepareUpdate(input);
    // Tags to add and remove (addUserTags, removeUserTags, the bulk action) by the rules of a set of tags.
    if (wo.tagEdit) wo = { ...wo, tagEdit: { add: normalizeTags(wo.tagEdit.add), remove: normalizeTags(wo.tagEdit.remove) } };
    // Required fields describe customers (server/fields/required-fields.ts): a save may not empty one; staff are not held to them.
    const emptied = target.role === Role.END_USER ? emptiedRequiredError(prepared.fields) : null;
    if (emptied) throw emptied;
    try {
      return (await this.db.transaction((m) => this.applyUpdate(m, target, prepared, actor, wo, new Date()))).changes.length > 0;
    } catch (err) {
      throw await this.explainDuplicate(err, { email: prepared.email?.normalized, externalIdKey: prepared.changes.columns.externalIdKey }, target.id);
    }
  }

  /**
   * Applies a prepared change inside the caller's transaction; returns what
   * changed (nothing: nothing was written, no history line) and the warnings
   * a create gives for the values it writes (a new primary email's, a number
   * someone else holds, as `phone` or among `phones`, the block list's for a
   * new primary email), in the same order.
   */
  async applyUpdate(
    m: EntityManager,
    target: Pick<User, 'id' | 'role'>,
    p: PreparedUpdate,
    actor: Actor,
    wo: WriteOptions,
    now: Date,
  ): Promise<AppliedUpdate> {
    const id = target.id;
    const { changes } = p;
    const c = changes.columns;
    const leavesAdmins = (role: Role) => role === Role.ADMIN && ((c.role !== undefined && c.role !== Role.ADMIN) || c.suspended === true);
    // Admins first, then the user: two admins demoting each other lock in the same order.
    if (leavesAdmins(target.role)) await lockActiveAdmins(m);
    const snapshot = wo.batch?.snapshots.get(id);
    const before = snapshot ?? (await this.lockForAudit(m, id));
    wo.unless?.(before.user);
    if (wo.tagEdit) changes.tags = editedTags(before.tags, wo.tagEdit);
    let org = changes.organization === undefined ? undefined : await this.resolveOrganization(m, changes.organization, wo);
    if (wo.expectedVersion !== undefined) {
      if ((await reconcileUser(m, before, p, org, wo.expectedVersion)).keepOrganization) org = undefined;
    }
    const email = p.email;
    const recorded: FieldChange[] = [];
    for (const f of AUDITED) {
      if (c[f] !== undefined && c[f] !== before.user[f]) recorded.push(change(f, before.user[f], c[f]));
    }
    const emailChanged = email !== null && email.address !== before.email;
    if (emailChanged) recorded.push(change('email', before.email, email.address));
    let organizationId: number | null | undefined;
    if (org !== undefined) {
      organizationId = org?.id ?? null;
      if (organizationId !== before.user.organizationId) {
        const was = before.user.organizationId === null ? null : { id: before.user.organizationId, name: before.organization ?? '' };
        recorded.push(organizationChange(was, org ?? null));
      }
    }
    const tagsChanged = changes.tags !== undefined && [...changes.tags].sort().join('\n') !== [...before.tags].sort().join('\n');
    if (tagsChanged) recorded.push(change('tags', before.tags, changes.tags));
    recorded.push(...(await this.deps.fields.write(m, id, p.fields, now, undefined, snapshot?.fieldValues)));
    const extraWarnings: UserWarning[] = [];
    if (p.extras.emails.length || p.extras.phones.length) {
      const own = snapshot?.identities ?? (await m.find(UserIdentity, { where: { userId: id }, select: { valueNormalized: true, type: true } }));
      const has = (type: IdentityType) => own.filter((i) => i.type === type).map((i) => i.valueNormalized);
      const phones = [...has(IdentityType.PHONE), ...(c.phone ? [c.phone] : [])];
      recorded.push(
        ...(await writeExtras(
          m,
          this.deps.identities,
          id,
          p.extras,
          [...has(IdentityType.EMAIL), email?.normalized ?? ''],
          phones,
          actor,
          now,
          extraWarnings,
          wo.batch,
        )),
      );
    }
    if (recorded.length === 0) return { changes: recorded, warnings: [] };
    const warnings = emailChanged ? emailWarnings(email) : [];
    wo.batch?.snapshots.delete(id);
    if (leavesAdmins(before.user.role)) await keepOneAdmin(m, id);
    await m.update(User, { id }, { ...c, ...(organizationId !== undefined ? { organizationId } : {}), updatedAt: now });
    const orgChange = { changed: organizationId !== undefined && organizationId !== before.user.organizationId, name: org?.name ?? null };
    await recordVersion(m, 'user', id, actor.userId, versionChanges(before, p, recorded, orgChange, tagsChanged), now);
    if (c.phone !== undefined && c.phone !== before.user.phone) {
      const holder = await setPrimaryPhone(m, id, c.phone, now);
      if (holder) warnings.push(sharedPhoneWarning('phone', c.phone!, holder));
    }
    if (email) await this.deps.identities.setPrimaryEmail(m, id, email, c.verified, actor, now);
    else if (c.verified !== undefined)
      await m.update(UserIdentity, { userId: id, type: IdentityType.EMAIL, primary: true }, { verified: c.verified, updatedAt: now });
    if (tagsChanged) {
      await m.delete(UserTag, { userId: id });
      await insertTags(m, id, changes.tags!);
    }
    if (c.suspended === true) {
      // A suspended person's sessions end and the API tokens they made stop working (unsuspending does not revive them).
      await this.deps.sessions.endAll(m, id);
      await this.deps.tokens.revokeAllOf(m, id, now);
    }
    if (wo.batch) {
      wo.batch.record(id, actionFor(recorded), recorded, now);
      wo.batch.changed(id, 'UPDATED', now);
    } else {
      await this.deps.audit.record(m, id, actionFor(recorded), actor, recorded, now);
      await this.deps.changes.changed(m, [id], 'UPDATED', now);
    }
    // A new primary email on the block list: the team is told, as for a create (the account was there: its own words).
    const blocked = emailChanged ? await this.teamAddressWarnings(m, email, false) : [];
    return { changes: recorded, warnings: [...warnings, ...extraWarnings, ...blocked] };
  }

  /** Deleting an organization (inside its transaction): its users leave it, each with a line in their history. */
  async leaveOrganization(m: EntityManager, org: Organization, actor: Actor): Promise<void> {
    const members = await forUpdate(m.createQueryBuilder(User, 'u').select('u.id').where('u.organization_id = :org', { org: org.id })).getMany();
    if (members.length === 0) return;
    const now = new Date();
    const ids = members.map((u) => u.id);
    await m.update(User, { id: In(ids) }, { organizationId: null, updatedAt: now });
    await this.deps.audit.recordEach(m, ids, 'UPDATED', actor, [organizationChange(org, null)], now);
    await this.deps.changes.changed(m, ids, 'UPDATED', now);
  }

  /** The organization new users of a mail domain join (remembered for the rest of a batch). */
  private async orgOfDomain(m: EntityManager, domain: string, batch?: BatchWrites): Promise<Organization | null> {
    if (batch?.orgByDomain.has(domain)) return batch.orgByDomain.get(domain)!;
    const org = await this.deps.organizations.byDomain(domain, m);
    batch?.orgByDomain.set(domain, org);
    return org;
  }

  /** The organization an input names (by id or by name), or null to clear. */
  private async resolveOrganization(m: EntityManager, ref: { id: number } | { name: string } | null, wo: WriteOptions): Promise<Organization | null> {
    if (ref === null) return null;
    if ('id' in ref) {
      const org = await this.deps.organizations.findById(ref.id, m);
      if (!org) throw new UserInputError('organizationId', msg('users.thereNoOrganizationWith', { id: ref.id }));
      return org;
    }
    const key = ref.name.toLowerCase();
    const known = wo.batch?.orgByName.get(key);
    if (known) return known;
    const org = wo.canCreateOrganization
      ? await this.deps.organizations.findOrCreateByName(m, ref.name)
      : await this.deps.organizations.findByName(ref.name, m);
    if (!org) throw new UserInputError('organization', msg('users.thereNoOrganizationNamed', { name: quoteInput(ref.name) }));
    wo.batch?.orgByName.set(key, org);
    return org;
  }

  /** The user under lock, with what the history names: primary email, organization name, tags. */
  private async lockForAudit(
    m: EntityManager,
    id: number,
  ): Promise<{ user: User; email: string | null; tags: string[]; organization: string | null }> {
    const user = await lockUser(m, id);
    if (!user) throw new NotFoundError(msg('notFound.user', { id }));
    const email = await m.findOneBy(UserIdentity, { userId: id, type: IdentityType.EMAIL, primary: true });
    const org = user.organizationId === null ? null : await this.deps.organizations.findById(user.organizationId, m);
    const tags = await m.find(UserTag, { where: { userId: id }, order: { tag: 'ASC' } });
    return { user, email: email?.value ?? null, tags: tags.map((t) => t.tag), organization: org?.name ?? null };
  }

  /** Turns a unique-index refusal into the error a client can act on. */
  /** A batch's collected writes, before its transaction commits. */
  flushBatch(m: EntityManager, batch: BatchWrites, actor: Actor): Promise<void> {
    return batch.flush(m, actor, { audit: this.deps.audit, changes: this.deps.changes, identities: this.deps.identities });
  }

  /**
   * `email` and `extraEmails` (normalized): the addresses the write gave the account, primary first; the refusal names
   * the first one another account holds, and its field (`email`, or `emails` for an extra address).
   */
  explainDuplicate(err: unknown, keys: DuplicateKeys, selfId?: number): Promise<unknown> {
    return explainDuplicate(this.db.manager, this.deps.identities, err, keys, selfId);
  }
}

async function insertTags(m: EntityManager, userId: number, tags: string[]): Promise<void> {
  await insertMany(
    m,
    UserTag,
    tags.map((tag) => ({ userId, tag })),
  );
}
