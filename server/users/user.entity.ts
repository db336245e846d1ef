import { Field, ID, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { StaffOnlyField } from '../auth/field-guards.js';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, MEDIUMTEXT, TIMESTAMP } from '../db/columns.js';

export enum Role {
  END_USER = 'END_USER',
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What a person may do in Accueil.' });

export enum CreatedVia {
  AGENT = 'AGENT',
  ADMIN = 'ADMIN',
  API = 'API',
  IMPORT = 'IMPORT',
  TICKET = 'TICKET',
  SELF = 'SELF',
  SYSTEM = 'SYSTEM',
}
registerEnumType(CreatedVia, { name: 'CreatedVia', description: 'How an account came into being.' });

/**
 * An account. The entity doubles as the GraphQL type: only @Field members are
 * exposed; search keys and normalized values are not. `email`, `tags` and
 * `identities` are resolved per request through DataLoaders.
 */
@Entity('users')
@Index('uq_users_external_id_key', ['externalIdKey'], { unique: true })
@Index('ix_users_name_key', ['nameKey', 'deletedAt'])
@Index('ix_users_created_at', ['createdAt'])
@Index('ix_users_organization', ['organizationId', 'id'])
@Index('ix_users_role', ['role', 'suspended', 'deletedAt'])
@ObjectType('User', { description: 'An end user (customer), agent or admin.' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Lower-cased, accent-free name for prefix search. Not exposed. */
  @Column({ name: 'name_key', type: 'varchar', length: 255, ...BIN })
  nameKey: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 16, default: Role.END_USER })
  role: Role;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +14155552671.' })
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

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive.' })
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ name: 'external_id_key', type: 'varchar', length: 255, nullable: true, ...BIN })
  externalIdKey: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  alias: string | null;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true })
  @Column({ ...MEDIUMTEXT, nullable: true })
  details: string | null;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true })
  @Column({ ...MEDIUMTEXT, nullable: true })
  notes: string | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @UseMiddleware(StaffOnlyField)
  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  suspended: boolean;

  @Field(() => CreatedVia)
  @Column({ name: 'created_via', type: 'varchar', length: 16 })
  createdVia: CreatedVia;

  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  @Column({ name: 'deleted_at', ...TIMESTAMP, nullable: true })
  deletedAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;

  /** scrypt hash; null for people who never sign in. Never exposed, and not read unless asked for. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash?: string | null;

  @Column({ name: 'password_changed_at', ...TIMESTAMP, nullable: true, select: false })
  passwordChangedAt?: Date | null;

  /** The primary email when it was read with the user (see user-rows.ts); undefined when not read. */
  primaryEmail?: string | null;
}
