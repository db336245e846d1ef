import { Field, ID, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { StaffOnlyField } from '../auth/field-guards.js';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
@ObjectType('User', { description: 'An end user (customer), agent or admin.' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Lower-cased, accent-free name for prefix search. Not exposed. */
  @Column({ name: 'name_key', type: 'varchar', length: 255 })
  nameKey: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 16 })
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

  @Column({ name: 'external_id_key', type: 'varchar', length: 255, nullable: true })
  externalIdKey: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 255, nullable: true })
  alias: string | null;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  details: string | null;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  verified: boolean;

  @UseMiddleware(StaffOnlyField)
  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  suspended: boolean;

  @Field(() => CreatedVia)
  @Column({ name: 'created_via', type: 'varchar', length: 16 })
  createdVia: CreatedVia;

  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  /** The primary email when it was read with the user (see user-rows.ts); undefined when not read. */
  primaryEmail?: string | null;
}
