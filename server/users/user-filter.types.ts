import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from './role.js';
import { listSize } from '../graphql/list-size.js';

/** Most values a filter lists (tags, options), and most field conditions: the bounds of the existing field filter. */
export const FILTER_BOUNDS = { values: 100, fields: 20 } as const;

/**
 * The filter of a user list (issue 9): `users(filter:)`, customer lists,
 * bulk actions and the export take it. Each class is both the input
 * (`…Input`) and the output (a customer list answers the filter it saved).
 */

@ObjectType('UserFieldCondition', { description: 'A condition on a custom field value.' })
@InputType('UserFieldConditionInput', { description: 'A condition on a custom field value: give one of equals, values, isEmpty, before or after.' })
export class UserFieldCondition {
  @Field(() => String, { description: 'The key of an active custom field.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'Users whose value equals this (text ignoring letter case; an option by value or title).' })
  equals?: string | null;

  @listSize({ kind: 'bound', max: FILTER_BOUNDS.values })
  @Field(() => [String], { nullable: true, description: 'MULTISELECT: users having every one of these options.' })
  values?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: users without a value; false: users with one.' })
  isEmpty?: boolean | null;

  @Field(() => String, { nullable: true, description: 'INTEGER, DECIMAL, DATE: users whose value is less than this (a number, or YYYY-MM-DD).' })
  before?: string | null;

  @Field(() => String, { nullable: true, description: 'INTEGER, DECIMAL, DATE: users whose value is greater than this (a number, or YYYY-MM-DD).' })
  after?: string | null;
}

@ObjectType('UserFilter', { description: 'Which users a list holds; every condition given applies.' })
@InputType('UserFilterInput', { description: 'Which users to find; every condition given applies (AND). Empty: every user.' })
export class UserFilterInput {
  @Field(() => String, { nullable: true, description: 'Search words (see `users(query:)`): every word must start a word of the user.' })
  query?: string | null;

  @listSize({ kind: 'bound', max: FILTER_BOUNDS.values })
  @Field(() => [String], { nullable: true, description: 'Users who have every one of these tags.' })
  tagsAll?: string[] | null;

  @listSize({ kind: 'bound', max: FILTER_BOUNDS.values })
  @Field(() => [String], { nullable: true, description: 'Users who have at least one of these tags.' })
  tagsAny?: string[] | null;

  @listSize({ kind: 'bound', max: FILTER_BOUNDS.values })
  @Field(() => [String], { nullable: true, description: 'Users who have none of these tags.' })
  tagsNone?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Users of this organization.' })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: users without an organization; false: users with one.' })
  withoutOrganization?: boolean | null;

  @listSize({ kind: 'bound', max: 3 })
  @Field(() => [Role], { nullable: true, description: 'Users with one of these roles.' })
  roles?: Role[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Verified (true) or not verified (false) users.' })
  verified?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Suspended (true) or active (false) users.' })
  suspended?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Users created at or after this time.' })
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Users created before this time.' })
  createdBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Users changed at or after this time.' })
  updatedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Users changed before this time.' })
  updatedBefore?: Date | null;

  @listSize({ kind: 'bound', max: FILTER_BOUNDS.fields })
  @Field(() => [UserFieldCondition], { nullable: true, description: 'Conditions on custom field values (at most 20).' })
  fields?: UserFieldCondition[] | null;
}

export enum UserSortField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(UserSortField, {
  name: 'UserSortField',
  description: 'What a user list is sorted by.',
  valuesConfig: {
    NAME: { description: 'The name, ignoring case and accents.' },
    CREATED_AT: { description: 'When the account was created.' },
    UPDATED_AT: { description: 'When the account last changed.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Which way a list is sorted.',
  valuesConfig: { ASC: { description: 'A to Z, oldest first.' }, DESC: { description: 'Z to A, newest first.' } },
});

@ObjectType('UserSort', { description: 'How a user list is sorted.' })
@InputType('UserSortInput', { description: 'How to sort users. Left out: the best matches of a search first, else newest first.' })
export class UserSortInput {
  @Field(() => UserSortField, { description: 'What to sort by.' })
  field: UserSortField;

  @Field(() => SortDirection, { description: 'Which way.' })
  direction: SortDirection;
}
