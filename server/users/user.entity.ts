import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OPEN } from '../auth/policy.js';
import { BIN, MEDIUMTEXT, TIMESTAMP } from '../db/columns.js';
import { CreatedVia, Role } from './role.js';
import { userPolicy } from './user.policy.js';

export { CreatedVia, Role };

/**
 * An account. The entity doubles as the GraphQL type: only @Field members are
 * exposed; search keys and normalized values are not. `email`, `tags` and
 * `identities` are resolved per request through DataLoaders. Every field but
 * the id is read under userPolicy.read (the person themself, or staff; a token
 * needs USERS_READ), internal ones under userPolicy.readPrivate, however the
 * user is reached.
 */
@Entity('users')
@Index('uq_users_external_id_key', ['externalIdKey'], { unique: true })
@Index('ix_users_name_key', ['nameKey', 'deletedAt'])
@Index('ix_users_created_at', ['createdAt'])
@Index('ix_users_updated_at', ['updatedAt'])
@Index('ix_users_organization', ['organizationId', 'id'])
@Index('ix_users_role', ['role', 'suspended', 'deletedAt'])
@Index('ix_users_deleted_at', ['deletedAt', 'id'])
@ObjectType('User', { description: 'An end user (customer), agent or admin.' })
@Authorized(userPolicy.read)
export class User {
  @Field(() => ID, { description: 'Identifies the account.' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String, { description: 'Full name, 1 to 255 characters.' })
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Lower-cased, accent-free name for prefix search. Not exposed. */
  @Column({ name: 'name_key', type: 'varchar', length: 255, ...BIN })
  nameKey: string;

  @Field(() => Role, { description: 'What the person may do in Accueil.' })
  @Column({ type: 'varchar', length: 16, default: Role.END_USER })
  role: Role;

  @Field(() => String, { nullable: true, description: 'The primary phone number, E.164, e.g. +14155552671.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** The organization's id; `User.organization` resolves it. */
  @Column({ name: 'organization_id', type: 'int', nullable: true })
  organizationId: number | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone name, e.g. Europe/Paris.' })
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. fr-CA.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  locale: string | null;

  @Authorized(userPolicy.readPrivate)
  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive. Agents and admins.' })
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ name: 'external_id_key', type: 'varchar', length: 255, nullable: true, ...BIN })
  externalIdKey: string | null;

  @Field(() => String, { nullable: true, description: 'Another name the person goes by; one line, up to 255 characters.' })
  @Column({ type: 'varchar', length: 255, nullable: true })
  alias: string | null;

  @Authorized(userPolicy.readPrivate)
  @Field(() => String, { nullable: true, description: 'Details about the person, up to 65,535 characters. Agents and admins.' })
  @Column({ ...MEDIUMTEXT, nullable: true })
  details: string | null;

  @Authorized(userPolicy.readPrivate)
  @Field(() => String, { nullable: true, description: 'Internal notes, up to 65,535 characters. Agents and admins.' })
  @Column({ ...MEDIUMTEXT, nullable: true })
  notes: string | null;

  @Field(() => Boolean, { description: 'Whether the primary email is known to belong to this person.' })
  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Authorized(userPolicy.readPrivate)
  @Field(() => Boolean, { description: 'A suspended account cannot sign in and its tokens do not work. Agents and admins.' })
  @Column({ type: 'boolean', default: false })
  suspended: boolean;

  @Field(() => CreatedVia, { description: 'How the account came into being.' })
  @Column({ name: 'created_via', type: 'varchar', length: 16 })
  createdVia: CreatedVia;

  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  @Column({ name: 'deleted_at', ...TIMESTAMP, nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by_id', type: 'int', nullable: true })
  deletedById: number | null;

  /** When the personal data of a deleted account was erased (it is then an anonymous tombstone). */
  @Column({ name: 'erased_at', ...TIMESTAMP, nullable: true })
  erasedAt: Date | null;

  /** The account this one was merged into (it is then deleted). */
  @Column({ name: 'merged_into_id', type: 'int', nullable: true })
  mergedIntoId: number | null;

  @Field(() => Int, {
    description: 'Goes up by one at every save. Send it back as updateUser(expectedVersion:) so a save made meanwhile is merged, never overwritten.',
  })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => Date, { description: 'When the account was added (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Field(() => Date, { description: 'When the account last changed (UTC).' })
  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;

  @Authorized(userPolicy.readPrivate)
  @Field(() => Date, { nullable: true, description: 'When the person last signed in (UTC); null if never. Agents and admins.' })
  @Column({ name: 'last_sign_in_at', ...TIMESTAMP, nullable: true })
  lastSignInAt: Date | null;

  @Authorized(userPolicy.readPrivate)
  @Field(() => Date, {
    nullable: true,
    description:
      'When the pending invitation to join the team was last sent (UTC); null when there is none (never invited, or the person chose a password). Agents and admins.',
  })
  @Column({ name: 'invited_at', ...TIMESTAMP, nullable: true })
  invitedAt: Date | null;

  /** scrypt hash; null for people who never sign in. Never exposed, and not read unless asked for. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash?: string | null;

  @Column({ name: 'password_changed_at', ...TIMESTAMP, nullable: true, select: false })
  passwordChangedAt?: Date | null;

  /** The primary email when it was read with the user (see user-rows.ts); undefined when not read. */
  primaryEmail?: string | null;
}
