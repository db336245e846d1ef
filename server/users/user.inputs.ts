import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role, User } from './user.entity.js';
import { UserFieldInput } from '../fields/user-field.types.js';

@InputType({ description: 'A new account. Name and email are required; everything else is optional.' })
export class CreateUserInput {
  @Field(() => String, { description: '1 to 255 characters, trimmed.' })
  name: string;

  @Field(() => String, {
    description: 'Primary email. Reserved names such as name@example.invalid are accepted for someone without email, and never mailed.',
  })
  email: string;

  @Field(() => Role, { nullable: true, description: 'END_USER when not given.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'International format; stored as E.164.' })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization this person belongs to; null clears it.' })
  organizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An organization by name (any letter case), as a CSV cell would give it; null clears it. Must exist, unless an admin is asking: then it is created.',
  })
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'Trimmed, lower-cased, spaces become underscores, duplicates dropped.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone name.' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag.' })
  locale?: string | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  alias?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  suspended?: boolean | null;

  @Field(() => [UserFieldInput], {
    nullable: true,
    description: 'Custom field values by key: `value` as text (as in a CSV cell), `values` for a multi-select; null or empty clears. Fields left out keep their value.',
  })
  fields?: UserFieldInput[] | null;
}

@InputType({ description: 'Changes to an account: only the fields given change; null clears an optional field.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Replaces the primary email address.' })
  email?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization this person belongs to; null clears it.' })
  organizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An organization by name (any letter case), as a CSV cell would give it; null clears it. Must exist, unless an admin is asking: then it is created.',
  })
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  alias?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  suspended?: boolean | null;

  @Field(() => [UserFieldInput], {
    nullable: true,
    description: 'Custom field values by key: `value` as text (as in a CSV cell), `values` for a multi-select; null or empty clears. Fields left out keep their value.',
  })
  fields?: UserFieldInput[] | null;
}

@ObjectType({ description: 'Something worth knowing about a write that still succeeded.' })
export class UserWarning {
  @Field(() => String, { description: 'e.g. UNDELIVERABLE_RESERVED' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The input field it is about.' })
  field: string | null;

  @Field(() => ID, { nullable: true, description: 'The other user concerned, e.g. who else has a shared phone number.' })
  existingUserId?: string | null;

  @Field(() => String)
  message: string;
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => User)
  user: User;

  @Field(() => [UserWarning])
  warnings: UserWarning[];
}
