// The shapes the account steps pass around: what a create returns, what the
// caller may do, validated inputs, and the services accounts write through.
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/viewer.js';
import type { FieldChange } from '../audit/audit.types.js';
import type { SessionService } from '../auth/session.service.js';
import type { FieldValuesService, PreparedFieldValues } from '../fields/field-values.service.js';
import type { OrganizationService } from '../organizations/organization.service.js';
import type { ApiTokenService } from '../tokens/api-token.service.js';
import type { BatchWrites } from './batch-writes.js';
import type { ParsedEmail } from './email-address.js';
import type { User } from './user.entity.js';
import type { UserWarning } from './user.inputs.js';
import type { ProfileChanges } from './user-changes.js';
import type { UserChangeListeners } from './user-change-listeners.js';
import type { PreparedExtras } from './user-extra-addresses.js';
import type { UserIdentities } from './user-identities.js';
import type { UserIdentity } from './user-identity.entity.js';
import type { UserReads } from './user-reads.js';

export interface CreatedUser {
  user: User;
  identities: UserIdentity[];
  tags: string[];
  warnings: UserWarning[];
}

/** What an update wrote (nothing: nothing was written, no history line), with the warnings a create of those values gives. */
export interface AppliedUpdate {
  changes: FieldChange[];
  warnings: UserWarning[];
}

/** What the caller may do beyond the change itself. */
export interface WriteOptions {
  /** An admin may name an organization that does not exist yet: it is created. */
  canCreateOrganization?: boolean;
  /**
   * The version the caller read (updateUser's expectedVersion): saves made
   * since are merged field by field, or the save fails with CONFLICT (see
   * server/versions/record-versions.ts). Undefined: the last write wins.
   */
  expectedVersion?: number;
  /** Inside a batch: writes that wait for the end of the batch's transaction (see batch-writes.ts). */
  batch?: BatchWrites;
  /**
   * Tags to add and to remove, applied to the user's tags as locked (a bulk
   * action's edit) instead of a replacement set read earlier, so an edit made
   * meanwhile by someone else is kept. A tag in both is removed.
   */
  tagEdit?: TagEdit;
  /** A check of the account as locked (it throws to refuse): a rule read before the lock may no longer hold (a role changed since). */
  unless?: (locked: User) => void;
}

export interface TagEdit {
  add: readonly string[];
  remove: readonly string[];
}

/** A create's input, validated: what insertPrepared writes. */
export interface PreparedCreate {
  changes: ProfileChanges;
  email: ParsedEmail;
  fields: PreparedFieldValues;
  extras: PreparedExtras;
}

/** An update's input, validated: what applyUpdate writes. */
export interface PreparedUpdate {
  changes: ProfileChanges;
  email: ParsedEmail | null;
  fields: PreparedFieldValues;
  extras: PreparedExtras;
}

export interface AccountDeps {
  defaultPhoneCountry?: string;
  audit: AuditService;
  fields: FieldValuesService;
  organizations: OrganizationService;
  sessions: SessionService;
  tokens: ApiTokenService;
  identities: UserIdentities;
  reads: UserReads;
  changes: UserChangeListeners;
  /** Told of each account the team adds one at a time (create), in its transaction: the welcome email. */
  onStaffCreate?: StaffCreateHook;
  /** Warnings about an address the team names (the block list's): creates and batches (insertForTeam, a new primary email of applyUpdate), and people named on a ticket. */
  teamAddressCheck?: TeamAddressCheck;
}

/** Queues what a create by the team causes (in `m`, the create's transaction). */
export type StaffCreateHook = (m: EntityManager, created: { user: User; email: ParsedEmail }, actor: Actor) => Promise<void>;

/**
 * Warnings about an address the team names, read in the caller's transaction `m` (field `email`): the block list's
 * (door/staff-create.ts). `created`: this write made the account (else it existed).
 */
export type TeamAddressCheck = (m: EntityManager, email: ParsedEmail, created: boolean) => Promise<UserWarning[]>;
