import { Authorized, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { userPolicy } from './user.policy.js';
import { listSize } from '../graphql/list-size.js';
import { UserFilterInput } from './user-filter.types.js';

/** Most ids one bulk action names; a filter has no cap. */
export const MAX_BULK_IDS = 1000;
/** Most failures an answer lists (all are counted in matched - changed). */
export const MAX_FAILURES = 100;

@InputType({ description: 'Changes to many users: give ids or a filter (all users it matches), and at least one change.' })
export class BulkUpdateUsersInput {
  @Field(() => [ID], { nullable: true, description: 'The users to change (at most 1,000).' })
  ids?: string[] | null;

  @Field(() => UserFilterInput, { nullable: true, description: 'Every user this filter matches (needs the right to list users).' })
  filter?: UserFilterInput | null;

  @Field(() => [String], { nullable: true, description: 'Tags to add.' })
  addTags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tags to remove.' })
  removeTags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Put them in this organization.' })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: take them out of their organization.' })
  clearOrganization?: boolean | null;
}

@InputType({ description: 'Users to delete: give ids or a filter.' })
export class BulkDeleteUsersInput {
  @Field(() => [ID], { nullable: true, description: 'The users to delete (at most 1,000).' })
  ids?: string[] | null;

  @Field(() => UserFilterInput, { nullable: true, description: 'Every user this filter matches (needs the right to list users).' })
  filter?: UserFilterInput | null;
}

@ObjectType({
  description:
    'A user a bulk action could not change, and why. Read by whoever may make the bulk action (a token: USERS_WRITE): ' +
    'it echoes an id the caller gave, and the message names nothing of the account.',
})
@Authorized(userPolicy.bulk)
export class BulkUserFailure {
  @Field(() => ID, { description: 'The user.' })
  id: string;

  @Field(() => String, { description: 'The error code: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT…' })
  code: string;

  @Field(() => String, { description: 'Why, for people to read.' })
  message: string;
}

@ObjectType({
  description: 'What a bulk action did. Read by whoever may make the bulk action (a token: USERS_WRITE); a filter needs USERS_READ too.',
})
@Authorized(userPolicy.bulk)
export class BulkUsersPayload {
  @Field(() => Int, { description: 'How many users it was asked to act on (ids given, or users the filter matched).' })
  matched: number;

  @Field(() => Int, { description: 'How many it changed (each with its history line). Users already as asked are neither changed nor failed.' })
  changed: number;

  @Field(() => [BulkUserFailure], { description: 'The users it could not change, at most 100 listed.' })
  @listSize({ kind: 'bound', max: MAX_FAILURES })
  failed: BulkUserFailure[];

  @Field(() => Int, { description: 'How many users it could not change in all.' })
  failedCount: number;
}
