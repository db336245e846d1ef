import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Role, User } from './user.entity.js';
import { UserFieldInput } from '../fields/user-field.types.js';
import { listSize } from '../graphql/list-size.js';
import { msg, type Text } from '../i18n/message.js';

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
    description:
      'An organization by name (any letter case), as a CSV cell would give it; null clears it. Must exist, unless an admin is asking: then it is created.',
  })
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'Trimmed, lower-cased, spaces become underscores, duplicates dropped.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone name.' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag.' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive, up to 255 characters.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Another name the person goes by; one line, up to 255 characters.' })
  alias?: string | null;

  @Field(() => String, { nullable: true, description: 'Details about the person, up to 65,535 characters.' })
  details?: string | null;

  @Field(() => String, { nullable: true, description: 'Internal notes, up to 65,535 characters.' })
  notes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The primary email is known to belong to this person. false when not given.' })
  verified?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Add the account suspended (it cannot sign in). false when not given.' })
  suspended?: boolean | null;

  @Field(() => [UserFieldInput], {
    nullable: true,
    description:
      'Custom field values by key: `value` as text (as in a CSV cell), `values` for a multi-select; null or empty clears. Fields left out keep their value.',
  })
  fields?: UserFieldInput[] | null;
}

@InputType({ description: 'Changes to an account: only the fields given change; null clears an optional field.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: '1 to 255 characters, trimmed.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Replaces the primary email address.' })
  email?: string | null;

  @Field(() => Role, { nullable: true, description: 'Admins only, never on their own account; one active admin always remains.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'Replaces the primary phone number (international format); null removes it.' })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization this person belongs to; null clears it.' })
  organizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'An organization by name (any letter case), as a CSV cell would give it; null clears it. Must exist, unless an admin is asking: then it is created.',
  })
  organization?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces all tags.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone name; null clears it.' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag; null clears it.' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'Identifier in another system; unique, case-insensitive; null clears it.' })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'One line, up to 255 characters; null clears it.' })
  alias?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 65,535 characters; null clears it.' })
  details?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 65,535 characters; null clears it.' })
  notes?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Staff only, and never an agent on their own account: the primary email is known to belong to this person.',
  })
  verified?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Staff only, never on their own account: a suspended account cannot sign in, its sessions end and its tokens stop working.',
  })
  suspended?: boolean | null;

  @Field(() => [UserFieldInput], {
    nullable: true,
    description:
      'Custom field values by key: `value` as text (as in a CSV cell), `values` for a multi-select; null or empty clears. Fields left out keep their value.',
  })
  fields?: UserFieldInput[] | null;
}

export enum UserWarningCode {
  UNDELIVERABLE_RESERVED = 'UNDELIVERABLE_RESERVED',
  NO_MAIL_DOMAIN = 'NO_MAIL_DOMAIN',
  SHARED_PHONE = 'SHARED_PHONE',
  BLOCKED_ADDRESS = 'BLOCKED_ADDRESS',
}
registerEnumType(UserWarningCode, {
  name: 'UserWarningCode',
  description: 'What a warning is about.',
  valuesConfig: {
    UNDELIVERABLE_RESERVED: { description: 'The email is on a reserved domain (e.g. name@example.invalid): kept, never mailed.' },
    NO_MAIL_DOMAIN: { description: "The email's domain does not exist or takes no mail (with the domain check on)." },
    SHARED_PHONE: { description: 'Another user has this phone number too: it is kept as a shared number.' },
    BLOCKED_ADDRESS: {
      description:
        "The email is on the settings' block list (and not allowed): the account is made, but this person's own requests and sign-ups are held or refused.",
    },
  },
});

/**
 * Something worth knowing about a write that still succeeded. Who else is
 * concerned (existingUserId, the name in the message) is told only to those
 * who may list users: see UserWarningResolver.
 */
@ObjectType({ description: 'Something worth knowing about a write that still succeeded.' })
export class UserWarning {
  @Field(() => UserWarningCode, { description: 'What the warning is about.' })
  code: `${UserWarningCode}`;

  @Field(() => String, { nullable: true, description: 'The input field it is about.' })
  field: string | null;

  /** The other user concerned; exposed by UserWarningResolver to those who may see it. */
  existingUserId?: string | null;

  /** What happened (naming the other user, if any), written in the asker's language by UserWarningResolver. */
  text: Text;

  @Field(() => String, {
    nullable: true,
    description:
      'NO_MAIL_DOMAIN: the address the person probably meant, when the domain is a near miss of a common mail domain (gmial.com: gmail.com).',
  })
  suggestion?: string | null;
}

/**
 * A warning's words without the other account it names, for readers who may not list users (UserWarningResolver,
 * an import's kept warnings); null: it names nobody.
 */
export function unnamedWarningText(warning: Pick<UserWarning, 'code' | 'existingUserId'>): Text | null {
  if (warning.existingUserId === undefined || warning.existingUserId === null) return null;
  return warning.code === 'SHARED_PHONE' ? msg('users.sharedPhoneUnnamed') : msg('users.concernsAnotherAccount');
}

@ObjectType({ description: 'The account added, and anything worth knowing about it.' })
export class CreateUserPayload {
  @Field(() => User, { description: 'The new account.' })
  user: User;

  @Field(() => [UserWarning], { description: 'Warnings about the input, e.g. an address that is never mailed.' })
  @listSize({ kind: 'bound', max: 10 })
  warnings: UserWarning[];
}
