import { Field, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { StaffOnlyField } from '../auth/field-guards.js';

/**
 * A company or group of end users. Domains and tags are resolved per request
 * through DataLoaders (see organization.loaders.ts); `users` and `userCount`
 * by the resolver.
 */
@ObjectType('Organization', { description: 'A company or group that end users belong to.' })
export class Organization {
  @Field(() => ID)
  id: number;

  @Field(() => String, { description: 'Unique, ignoring letter case.' })
  name: string;

  /** Lower-cased, accent-free name for uniqueness and prefix search. Not exposed. */
  nameKey: string;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true })
  details: string | null;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true })
  notes: string | null;

  @UseMiddleware(StaffOnlyField)
  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive.' })
  externalId: string | null;

  externalIdKey: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}
