import { Authorized, Field, ID, InputType, ObjectType } from 'type-graphql';
import { OPEN } from '../auth/policy.js';
import { listSize } from '../graphql/list-size.js';
import { UserFilterInput, UserSortInput } from '../users/user-filter.types.js';
import { customerListPolicy } from './customer-list.policy.js';

/** Most columns a list shows. */
export const MAX_COLUMNS = 50;

@ObjectType('CustomerList', { description: 'A saved filter of users (a customer list): mine, or shared with the team.' })
@Authorized(customerListPolicy.read)
export class CustomerList {
  @Field(() => ID, { description: 'Identifies the list.' })
  @Authorized(OPEN)
  id: string;

  @Field(() => String, { description: 'Its name, 1 to 255 characters.' })
  name: string;

  @Field(() => Boolean, { description: 'Shared with the team (admins manage it), or private to its owner.' })
  shared: boolean;

  /** The owner's id (the owner field is resolved). */
  ownerId: number;

  @Field(() => UserFilterInput, { description: 'Which users the list holds.' })
  filter: UserFilterInput;

  @listSize({ kind: 'bound', max: MAX_COLUMNS })
  @Field(() => [String], {
    description:
      'The columns shown, in order: name, email, phone, organization, tags, role, external_id, alias, time_zone, locale, verified, suspended, created_at, updated_at, or custom_fields.<key>.',
  })
  columns: string[];

  @Field(() => UserSortInput, { nullable: true, description: 'How the list is sorted; null: newest first (best matches first with search words).' })
  sort: UserSortInput | null;

  @Field(() => Date, { description: 'When the list was saved first (UTC).' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the list last changed (UTC).' })
  updatedAt: Date;
}

@InputType({ description: 'A new customer list.' })
export class CreateCustomerListInput {
  @Field(() => String, { description: 'Its name, 1 to 255 characters.' })
  name: string;

  @Field(() => UserFilterInput, { description: 'Which users it holds.' })
  filter: UserFilterInput;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Share it with the team (admins only).' })
  shared?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The columns to show (see CustomerList.columns); left out: name, email, organization, tags, created_at.',
  })
  columns?: string[] | null;

  @Field(() => UserSortInput, { nullable: true, description: 'How to sort it; left out: newest first.' })
  sort?: UserSortInput | null;
}

@InputType({ description: 'Changes to a customer list: only the fields given change.' })
export class UpdateCustomerListInput {
  @Field(() => String, { nullable: true, description: 'A new name.' })
  name?: string | null;

  @Field(() => UserFilterInput, { nullable: true, description: 'A new filter.' })
  filter?: UserFilterInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Share it, or make it private again (admins only).' })
  shared?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'New columns.' })
  columns?: string[] | null;

  @Field(() => UserSortInput, { nullable: true, description: 'A new sort; null: newest first.' })
  sort?: UserSortInput | null;
}
