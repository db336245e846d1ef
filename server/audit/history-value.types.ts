import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** What a value of the history is, so that a client can say it in its reader's language. */
export enum HistoryValueKind {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  BOOLEAN = 'BOOLEAN',
  OPTION = 'OPTION',
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  LANGUAGE = 'LANGUAGE',
  TIME_ZONE = 'TIME_ZONE',
  ROLE = 'ROLE',
}
registerEnumType(HistoryValueKind, {
  name: 'HistoryValueKind',
  description: 'What a value of the history is; `value` holds it without any language.',
  valuesConfig: {
    TEXT: { description: 'Text as it was saved (a name, an address, a tag).' },
    NUMBER: { description: 'A number: `value` is a decimal string with a point ("1234.5").' },
    DATE: { description: 'A calendar date, YYYY-MM-DD.' },
    BOOLEAN: { description: '"true" or "false".' },
    OPTION: { description: "A custom field option: `value` is the option's value, `label` its title now." },
    PERSON: { description: 'A user: `value` is their id, `label` their name now.' },
    ORGANIZATION: { description: 'An organization: `value` is its name when the change was saved, `label` its name now.' },
    LANGUAGE: { description: 'A BCP 47 language tag (fr-CA).' },
    TIME_ZONE: { description: 'An IANA time zone, by its current name (Asia/Kolkata, never Asia/Calcutta).' },
    ROLE: { description: 'END_USER, AGENT or ADMIN.' },
  },
});

@ObjectType({
  description:
    'One value of a history line, for people to read: what it is (kind), the value without any language, and what it refers to now (a person, an organization, an option).',
})
export class HistoryValue {
  @Field(() => HistoryValueKind, { description: 'What the value is.' })
  kind: HistoryValueKind;

  @Field(() => String, { description: 'The value as recorded (a code, an id, a decimal string, a date, a name), without language.' })
  value: string;

  @Field(() => String, {
    nullable: true,
    description: "What it is called now: a person's or organization's current name, an option's title. Null when it is gone or needs no name.",
  })
  label: string | null;

  @Field(() => ID, { nullable: true, description: 'PERSON or ORGANIZATION: its id, while it exists (to link to it).' })
  refId: string | null;

  @Field(() => Boolean, {
    description: 'PERSON or ORGANIZATION deleted (or erased) since the change, OPTION removed since: `label` is then null.',
  })
  gone: boolean;
}
