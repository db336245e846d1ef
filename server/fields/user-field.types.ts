import { Authorized, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OPEN } from '../auth/policy.js';
import { DecimalScalar } from '../graphql/decimal.js';
import { listSize } from '../graphql/list-size.js';
import { userFieldPolicy } from './user-field.policy.js';

/**
 * GraphQL types of custom user fields: the definitions admins manage
 * (UserField, its options) and the typed values a user carries
 * (UserFieldValue). The value rules themselves live in field-rules.ts.
 */

/** FIELD_LIMITS.options of field-rules.ts (which imports this module, so it cannot be imported here); a test keeps them equal. */
export const OPTIONS_MAX = 2_000;

export enum UserFieldType {
  TEXT = 'TEXT',
  MULTILINE = 'MULTILINE',
  CHECKBOX = 'CHECKBOX',
  DATE = 'DATE',
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  REGEXP = 'REGEXP',
  DROPDOWN = 'DROPDOWN',
  MULTISELECT = 'MULTISELECT',
  LOOKUP = 'LOOKUP',
}
registerEnumType(UserFieldType, {
  name: 'UserFieldType',
  description: 'What a custom user field holds. The value rules are those of UserFieldInput.',
  valuesConfig: {
    TEXT: { description: 'One line of text, up to 65,536 characters; no line breaks, tabs or control characters.' },
    MULTILINE: { description: 'Text up to 65,536 characters; line breaks and tabs allowed, other control characters refused.' },
    CHECKBOX: { description: 'true or false; input also takes 1/0 and yes/no, in any letter case.' },
    DATE: { description: 'A calendar date, YYYY-MM-DD (years 0001 to 9999).' },
    INTEGER: { description: 'A whole number: optional sign and up to 12 digits.' },
    DECIMAL: { description: 'Up to 12 digits before the point and up to 6 after; kept exactly, normalized ("012.50" -> "12.5").' },
    REGEXP: { description: "One line of text that must match the admin's pattern entirely (RE2 syntax, linear-time matching)." },
    DROPDOWN: { description: "One of the field's options, given by its value or its title in any letter case; stored as the option's value." },
    MULTISELECT: { description: 'Any number of the options: `values`, or `value` as a comma- or semicolon-separated list as in a CSV cell.' },
    LOOKUP: { description: 'The id of an existing user (not deleted) or organization, as lookupTarget says.' },
  },
});

export enum LookupTarget {
  USER = 'USER',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(LookupTarget, {
  name: 'LookupTarget',
  description: 'What a LOOKUP field refers to.',
  valuesConfig: { USER: { description: 'A user (not deleted).' }, ORGANIZATION: { description: 'An organization.' } },
});

@ObjectType('UserFieldOption', { simpleResolvers: true, description: 'A choice of a DROPDOWN or MULTISELECT field.' })
export class UserFieldOption {
  @Field(() => ID, { description: 'Identifies the option.' })
  id: number;

  @Field(() => String, { description: 'What people read.' })
  title: string;

  @Field(() => String, { description: 'What is stored and exported; unique within the field, ignoring letter case.' })
  value: string;

  @Field(() => Int, { description: 'Order of the options (ascending).' })
  position: number;

  /** Comparison key of the value (lower case). Not exposed. */
  valueKey: string;

  /** Comparison key of the title (lower case). Not exposed. */
  titleKey: string;
}

@ObjectType('UserField', { description: 'A custom field that admins define for user profiles, at run time. Agents and admins.' })
@Authorized(userFieldPolicy.read)
export class UserField {
  @Field(() => ID, { description: 'Identifies the field.' })
  @Authorized(OPEN)
  id: number;

  @Field(() => String, {
    description: 'Lower-case letters, digits and underscores, not only digits, at most 64 characters; never a built-in field name. Immutable.',
  })
  key: string;

  @Field(() => String, { description: 'What people read: one line, at most 255 characters.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Help for the people who fill it in.' })
  description: string | null;

  @Field(() => UserFieldType, { description: 'Immutable.' })
  type: UserFieldType;

  @Field(() => String, { nullable: true, description: 'REGEXP only: the RE2 pattern a value must match entirely.' })
  pattern: string | null;

  @Field(() => String, { nullable: true, description: 'REGEXP only: what a valid value looks like, for people.' })
  patternHint: string | null;

  @Field(() => [UserFieldOption], { description: 'DROPDOWN and MULTISELECT: the choices, in order. Empty for other types.' })
  @listSize({ kind: 'options', of: 'all', max: OPTIONS_MAX })
  options: UserFieldOption[];

  @Field(() => LookupTarget, { nullable: true, description: 'LOOKUP only: what the value refers to.' })
  lookupTarget: LookupTarget | null;

  @Field(() => Boolean, {
    description:
      "An end user's value may not be emptied, however the profile is saved; a save that leaves it alone is never blocked by it (missingValueCount: how many lack it).",
  })
  required: boolean;

  @Field(() => Boolean, { description: 'An inactive field is hidden from User.fields; its values are kept.' })
  active: boolean;

  @Field(() => Int, { description: 'Order of the fields (ascending); see reorderUserFields.' })
  position: number;

  @Field(() => Date, { description: 'When it was added (UTC).' })
  createdAt: Date;

  @Field(() => Date, { description: 'When its definition last changed (UTC).' })
  updatedAt: Date;
}

@ObjectType('UserFieldValue', {
  simpleResolvers: true,
  description:
    "A user's value of one active custom field, typed so that no client parses strings. Every member is null when the value is unset; otherwise `value` and the member of the field's type are set.",
})
export class UserFieldValue {
  @Field(() => String, { description: "The field's key." })
  key: string;

  @Field(() => UserField, { description: 'The field definition.' })
  field: UserField;

  @Field(() => UserFieldType, { description: "The field's type: which member below holds the value." })
  type: UserFieldType;

  @Field(() => String, {
    nullable: true,
    description:
      'Canonical text, as in a CSV cell: "true"/"false", "2026-11-26", "42", "12.5", the option value, the option values joined by ", ", the referenced id.',
  })
  value: string | null;

  @Field(() => [String], { nullable: true, description: 'MULTISELECT: the chosen option values, in option order.' })
  @listSize({ kind: 'options', of: 'chosen', max: OPTIONS_MAX })
  values: string[] | null;

  @Field(() => String, { nullable: true, description: 'TEXT, MULTILINE and REGEXP.' })
  text: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'INTEGER and DECIMAL, exactly (a Decimal string such as "12.5"; never rounded through a float).',
  })
  number: string | null;

  @Field(() => Boolean, { nullable: true, description: 'CHECKBOX.' })
  boolean: boolean | null;

  @Field(() => String, { nullable: true, description: 'DATE, as YYYY-MM-DD.' })
  date: string | null;

  @Field(() => [UserFieldOption], { nullable: true, description: 'DROPDOWN (the one chosen) and MULTISELECT (those chosen, in option order).' })
  @listSize({ kind: 'options', of: 'chosen', max: OPTIONS_MAX })
  options: UserFieldOption[] | null;

  /** LOOKUP: the referenced id; `user` / `organization` are resolved from it in batches. */
  lookupId: number | null;
}

@InputType('UserFieldOptionInput', { description: 'A choice: title up to 255 characters; value up to 255 characters, without commas or semicolons.' })
export class UserFieldOptionInput {
  @Field(() => String, { description: 'What people read: one line, at most 255 characters.' })
  title: string;

  @Field(() => String, {
    description: 'What is stored and exported: at most 255 characters, without commas or semicolons; unique within the field, ignoring letter case.',
  })
  value: string;
}

@InputType('CreateUserFieldInput', { description: 'A new custom user field.' })
export class CreateUserFieldInput {
  @Field(() => String, {
    description:
      'Lower-case letters, digits and underscores, not only digits, at most 64 characters, unique, not a built-in field name (name, email, tags, role, notes, details, …). Cannot change later.',
  })
  key: string;

  @Field(() => String, { description: 'One line, at most 255 characters.' })
  title: string;

  @Field(() => UserFieldType, { description: 'Cannot change later.' })
  type: UserFieldType;

  @Field(() => String, { nullable: true, description: 'At most 65,536 characters.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'REGEXP only (required there): an RE2 pattern of at most 255 characters that values must match entirely.',
  })
  pattern?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'REGEXP only: what a valid value looks like, shown with a refused value. One line, at most 1,000 characters.',
  })
  patternHint?: string | null;

  @Field(() => [UserFieldOptionInput], { nullable: true, description: 'DROPDOWN and MULTISELECT only (required there): 1 to 2,000 choices.' })
  options?: UserFieldOptionInput[] | null;

  @Field(() => LookupTarget, { nullable: true, description: 'LOOKUP only (required there).' })
  lookupTarget?: LookupTarget | null;

  @Field(() => Boolean, { nullable: true, description: 'false when not given.' })
  required?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true when not given.' })
  active?: boolean | null;
}

@InputType('UpdateUserFieldInput', {
  description:
    'Changes to a custom field: only the members given change. Key and type are immutable. `options` replaces the whole list: an option is matched to an existing one by its value (ignoring letter case), so titles can be renamed freely; removing an option that users still have is refused.',
})
export class UpdateUserFieldInput {
  @Field(() => String, { nullable: true, description: 'One line, at most 255 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'REGEXP only. Values stored before keep their text until they are next changed.' })
  pattern?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears.' })
  patternHint?: string | null;

  @Field(() => [UserFieldOptionInput], { nullable: true, description: 'DROPDOWN and MULTISELECT: the whole new list of choices (1 to 2,000).' })
  options?: UserFieldOptionInput[] | null;

  @Field(() => Boolean, { nullable: true, description: "Whether an end user's profile must have a value (see UserField.required)." })
  required?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'false hides the field from User.fields and refuses new values; stored values are kept.' })
  active?: boolean | null;
}

@InputType('UserFieldInput', {
  description:
    'A value of a custom field for createUser/updateUser: `value` as text (as in a CSV cell), or `values` for a MULTISELECT. null, an empty string or an empty list clears it. A wrong value is refused with BAD_USER_INPUT naming the field key.',
})
export class UserFieldInput {
  @Field(() => String, { description: 'The key of an active custom field.' })
  key: string;

  @Field(() => String, {
    nullable: true,
    description: 'The value as text, as in a CSV cell (see UserFieldType for each type); null or empty clears it.',
  })
  value?: string | null;

  @Field(() => [String], { nullable: true, description: 'MULTISELECT only: option values or titles.' })
  values?: string[] | null;
}

@InputType('UserFieldFilter', {
  description:
    'Users whose custom field equals a value, compared in canonical form (text ignoring letter case). For a MULTISELECT, users having every listed option. value null (or empty) finds users without a value.',
})
export class UserFieldFilter {
  @Field(() => String, { description: 'The key of an active custom field.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The value to find, as text; null or empty finds users without a value.' })
  value?: string | null;

  @Field(() => [String], { nullable: true, description: 'MULTISELECT: users having every one of these options.' })
  values?: string[] | null;
}
