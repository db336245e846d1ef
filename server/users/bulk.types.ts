import { Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OPEN } from '../auth/policy.js';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';
import { UserFieldInput } from '../fields/user-field.types.js';
import { userPolicy } from './user.policy.js';
import { Role, User } from './user.entity.js';
import { UserWarning } from './user.inputs.js';

export const BULK_MAX = 1000;
export const LOOKUP_MAX = 100;

export enum BulkUserStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  FAILED = 'FAILED',
}
registerEnumType(BulkUserStatus, {
  name: 'BulkUserStatus',
  description: 'What a bulk write did with one input.',
  valuesConfig: {
    CREATED: { description: 'A new account was added.' },
    UPDATED: { description: 'An existing account matched and changed.' },
    UNCHANGED: { description: 'An existing account matched and already had every value given: nothing was written.' },
    FAILED: { description: 'Nothing was written for this input; `errors` says why. The other inputs are not affected.' },
  },
});

export enum UserChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(UserChangeKind, {
  name: 'UserChangeKind',
  description: 'The latest change of a user in the change feed. Treat CREATED and UPDATED alike: upsert the user by id.',
  valuesConfig: {
    CREATED: { description: 'The user was added.' },
    UPDATED: { description: 'Something the user shows changed (its organization renamed, an address added…).' },
    DELETED: { description: 'The user was deleted: the change carries a tombstone.' },
  },
});

@InputType({
  description:
    'An account to create or update (upsertUsers). It matches an existing account by external ID, then by any of its emails, then by a phone number; ' +
    'a matched account changes only in the fields given, a new one needs name and email.',
})
export class UpsertUserInput {
  @Field(() => String, { nullable: true, description: '1 to 255 characters; required to create.' })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Primary email; required to create. On a matched account an address it already has is kept as it is.',
  })
  email?: string | null;

  @Field(() => [String], { nullable: true, description: 'More email addresses, added when the account does not have them (never removed).' })
  emails?: string[] | null;

  @Field(() => Role, { nullable: true, description: 'END_USER when creating without one.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'Primary phone number, international format; null removes it.' })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'More phone numbers, added when the account does not have them (never removed).' })
  phones?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The organization this person belongs to; null clears it.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'An organization by name (any letter case); an admin naming a new one creates it.' })
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags (addUserTags and removeUserTags change some).' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone name; null clears it.' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag; null clears it.' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'Identifier in another system: the first key matched. Unique, case-insensitive.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'One line, up to 255 characters; null clears it.' })
  alias?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 65,535 characters; null clears it.' })
  details?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 65,535 characters; null clears it.' })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Staff only: the primary email is known to belong to this person.' })
  verified?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Staff only: a suspended account cannot sign in.' })
  suspended?: boolean | null;

  @Field(() => [UserFieldInput], { nullable: true, description: 'Custom field values by key; fields left out keep their value.' })
  fields?: UserFieldInput[] | null;
}

@ObjectType({ simpleResolvers: true, description: 'One problem of a bulk input.' })
export class BulkUserError {
  @Field(() => String, { description: 'BAD_USER_INPUT, EMAIL_TAKEN, FORBIDDEN, NOT_FOUND…' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The input field at fault, when one is.' })
  field: string | null;

  @Field(() => String, { description: 'What is wrong, for people to read.' })
  message: string;
}

@ObjectType({ description: 'What a bulk write did with one input.' })
export class BulkUserResult {
  @Field(() => Int, { description: "The input's position in the list, from 0." })
  index: number;

  @Field(() => BulkUserStatus, { description: 'Created, updated, unchanged or failed.' })
  status: BulkUserStatus;

  @Field(() => User, { nullable: true, description: 'The account created or matched; null when the input failed before one was found.' })
  user: User | null;

  @Field(() => [BulkUserError], { description: 'Every problem of the input (FAILED), empty otherwise.' })
  @listSize({ kind: 'bound', max: 50 })
  errors: BulkUserError[];

  @Field(() => [UserWarning], { description: 'Warnings about a write that succeeded.' })
  @listSize({ kind: 'bound', max: 10 })
  warnings: UserWarning[];
}

@ObjectType({ description: 'A deleted (or erased) user, as the change feed and a ticket whose requester it was tell it: no personal data.' })
@Authorized(userPolicy.list)
export class UserTombstone {
  @Field(() => ID, { description: 'The deleted account.' })
  @Authorized(OPEN)
  id: string;

  @Field(() => String, { nullable: true, description: 'Its external ID when it was deleted.' })
  externalId: string | null;

  @Field(() => Date, { description: 'When it was deleted (UTC).' })
  deletedAt: Date;
}

@ObjectType({ description: 'The latest change of one user.' })
@Authorized(userPolicy.list)
export class UserChange {
  @Field(() => UserChangeKind, { description: 'Created, updated or deleted.' })
  kind: UserChangeKind;

  @Field(() => Date, { description: 'When the change was made (UTC).' })
  changedAt: Date;

  @Field(() => User, { nullable: true, description: 'The user as it is now; null when deleted.' })
  @Authorized(OPEN)
  user: User | null;

  @Field(() => UserTombstone, { nullable: true, description: 'Set when the user is deleted.' })
  @Authorized(OPEN)
  tombstone: UserTombstone | null;
}

@ObjectType({ simpleResolvers: true, description: 'A change, with its place in the feed.' })
export class UserChangeEdge {
  @Field(() => String, { description: 'Pass as `after` to read the changes after this one.' })
  cursor: string;

  @Field(() => UserChange, { description: 'The change.' })
  node: UserChange;
}

@ObjectType({ description: 'A page of the change feed, oldest change first.' })
export class UserChangeConnection {
  @Field(() => [UserChangeEdge], { description: 'The changes of this page.' })
  @listSize({ kind: 'edges' })
  edges: UserChangeEdge[];

  @Field(() => PageInfo, {
    description: 'Whether more changes follow. On an empty page endCursor is null: keep the cursor you had and ask again later.',
  })
  pageInfo: PageInfo;
}
