import { Field, InputType, ObjectType } from 'type-graphql';
import { Role, User } from './user.entity.js';

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

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true })
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
}

@ObjectType({ description: 'Something worth knowing about a write that still succeeded.' })
export class UserWarning {
  @Field(() => String, { description: 'e.g. UNDELIVERABLE_RESERVED' })
  code: string;

  @Field(() => String, { nullable: true, description: 'The input field it is about.' })
  field: string | null;

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
