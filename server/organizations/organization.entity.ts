import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { OPEN } from '../auth/policy.js';
import { organizationPolicy } from './organization.policy.js';

/**
 * A company or group of end users. Domains and tags are resolved per request
 * through DataLoaders; `users` and `userCount` by the resolver. Every field but
 * the id is read under organizationPolicy.read, internal ones under
 * organizationPolicy.list, however the organization is reached.
 */
@ObjectType('Organization', { description: 'A company or group that end users belong to.' })
@Authorized(organizationPolicy.read)
export class Organization {
  @Field(() => ID, { description: 'Identifies the organization.' })
  @Authorized(OPEN)
  id: number;

  @Field(() => String, { description: 'Unique, ignoring letter case and accents; 1 to 255 characters.' })
  name: string;

  /** Lower-cased, accent-free name for uniqueness and prefix search. Not exposed. */
  nameKey: string;

  @Authorized(organizationPolicy.list)
  @Field(() => String, { nullable: true, description: 'Details about the organization. Agents and admins.' })
  details: string | null;

  @Authorized(organizationPolicy.list)
  @Field(() => String, { nullable: true, description: 'Internal notes. Agents and admins.' })
  notes: string | null;

  @Authorized(organizationPolicy.list)
  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive. Agents and admins.' })
  externalId: string | null;

  externalIdKey: string | null;

  @Field(() => Date, { description: 'When it was added (UTC).' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it last changed (UTC).' })
  updatedAt: Date;
}
