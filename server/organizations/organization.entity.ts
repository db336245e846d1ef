import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OPEN } from '../auth/policy.js';
import { BIN, MEDIUMTEXT, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { organizationPolicy } from './organization.policy.js';

/**
 * A company or group of end users. The entity doubles as the GraphQL type:
 * only @Field members are exposed. Domains and tags are resolved per request
 * through DataLoaders; `users` and `userCount` by the resolver. Every field but
 * the id is read under organizationPolicy.read, internal ones under
 * organizationPolicy.list, however the organization is reached.
 */
@Entity('organizations')
@Index('uq_organizations_name_key', ['nameKey'], { unique: true })
@Index('uq_organizations_external_id_key', ['externalIdKey'], { unique: true })
@ObjectType('Organization', { description: 'A company or group that end users belong to.' })
@Authorized(organizationPolicy.read)
export class Organization {
  @Field(() => ID, { description: 'Identifies the organization.' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String, { description: 'Unique, ignoring letter case and accents; 1 to 255 characters.' })
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Lower-cased, accent-free name for uniqueness and prefix search. Not exposed. */
  @Column({ name: 'name_key', type: 'varchar', length: 255, ...BIN })
  nameKey: string;

  @Authorized(organizationPolicy.list)
  @Field(() => String, { nullable: true, description: 'Details about the organization. Agents and admins.' })
  @Column({ ...MEDIUMTEXT, nullable: true })
  details: string | null;

  @Authorized(organizationPolicy.list)
  @Field(() => String, { nullable: true, description: 'Internal notes. Agents and admins.' })
  @Column({ ...MEDIUMTEXT, nullable: true })
  notes: string | null;

  @Authorized(organizationPolicy.list)
  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive. Agents and admins.' })
  @Column({ name: 'external_id', type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ name: 'external_id_key', type: 'varchar', length: 255, nullable: true, ...BIN })
  externalIdKey: string | null;

  @Field(() => Date, { description: 'When it was added (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Field(() => Date, { description: 'When it last changed (UTC).' })
  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;

  @Authorized(organizationPolicy.list)
  @Field(() => Int, {
    description:
      'Goes up by one at every save. Send it back as updateOrganization(expectedVersion:) so a save made meanwhile is merged, never overwritten.',
  })
  @Column({ type: 'int', default: 1 })
  version: number;
}

/** A mail domain (ASCII form) whose new users join the organization; each domain belongs to one organization. */
@Entity('organization_domains')
@Index('ix_organization_domains_org', ['organizationId'])
export class OrganizationDomain {
  @PrimaryColumn({ type: 'varchar', length: 253, ...BIN })
  domain: string;

  @Column({ name: 'organization_id', type: 'int' })
  @ForeignKey(() => Organization, { name: 'fk_organization_domains_org', ...OWNED_BY })
  organizationId: number;
}

/** A tag on an organization, normalized as user tags are. */
@Entity('organization_tags')
@Index('ix_organization_tags_tag', ['tag'])
export class OrganizationTag {
  @PrimaryColumn({ name: 'organization_id', type: 'int' })
  @ForeignKey(() => Organization, { name: 'fk_organization_tags_org', ...OWNED_BY })
  organizationId: number;

  @PrimaryColumn({ type: 'varchar', length: 80, ...BIN })
  tag: string;
}
