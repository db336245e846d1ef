// The server's messages, by stable code: English (the reference, whose
// templates declare each message's parameters) and French. A translation
// must have every code, each template reading the same parameters: the
// compiler checks the codes and the types, tests/server/i18n-catalog.test.ts
// that each language uses every parameter.
import type { FormatNumber } from './message.js';
import { common as en_common } from './en/common.js';
import { team as en_team } from './en/team.js';
import { doorMail as en_doorMail } from './en/doorMail.js';
import { fieldValues as en_fieldValues } from './en/fieldValues.js';
import { labels as en_labels } from './en/labels.js';
import { password as en_password } from './en/password.js';
import { text as en_text } from './en/text.js';
import { email as en_email } from './en/email.js';
import { auth as en_auth } from './en/auth.js';
import { db as en_db } from './en/db.js';
import { door as en_door } from './en/door.js';
import { exports as en_exports } from './en/exports.js';
import { fields as en_fields } from './en/fields.js';
import { graphql as en_graphql } from './en/graphql.js';
import { imports as en_imports } from './en/imports.js';
import { lists as en_lists } from './en/lists.js';
import { mail as en_mail } from './en/mail.js';
import { notFound as en_notFound } from './en/notFound.js';
import { organizations as en_organizations } from './en/organizations.js';
import { settings as en_settings } from './en/settings.js';
import { tickets as en_tickets } from './en/tickets.js';
import { tokens as en_tokens } from './en/tokens.js';
import { users as en_users } from './en/users.js';
import { versions as en_versions } from './en/versions.js';
import { webhooks as en_webhooks } from './en/webhooks.js';
import { refusals as en_refusals } from './en/refusals.js';
import { common as fr_common } from './fr/common.js';
import { team as fr_team } from './fr/team.js';
import { doorMail as fr_doorMail } from './fr/doorMail.js';
import { fieldValues as fr_fieldValues } from './fr/fieldValues.js';
import { labels as fr_labels } from './fr/labels.js';
import { password as fr_password } from './fr/password.js';
import { text as fr_text } from './fr/text.js';
import { email as fr_email } from './fr/email.js';
import { auth as fr_auth } from './fr/auth.js';
import { db as fr_db } from './fr/db.js';
import { door as fr_door } from './fr/door.js';
import { exports as fr_exports } from './fr/exports.js';
import { fields as fr_fields } from './fr/fields.js';
import { graphql as fr_graphql } from './fr/graphql.js';
import { imports as fr_imports } from './fr/imports.js';
import { lists as fr_lists } from './fr/lists.js';
import { mail as fr_mail } from './fr/mail.js';
import { notFound as fr_notFound } from './fr/notFound.js';
import { organizations as fr_organizations } from './fr/organizations.js';
import { settings as fr_settings } from './fr/settings.js';
import { tickets as fr_tickets } from './fr/tickets.js';
import { tokens as fr_tokens } from './fr/tokens.js';
import { users as fr_users } from './fr/users.js';
import { versions as fr_versions } from './fr/versions.js';
import { webhooks as fr_webhooks } from './fr/webhooks.js';
import { refusals as fr_refusals } from './fr/refusals.js';

/** A translation of a part of the catalog: the same codes, each with the English template's parameters. */
export type Translation<T> = { [K in keyof T]: T[K] extends (p: infer P, ...rest: never[]) => string ? (p: P, n: FormatNumber) => string : never };

export const en = {
  ...en_common,
  ...en_team,
  ...en_doorMail,
  ...en_fieldValues,
  ...en_labels,
  ...en_password,
  ...en_text,
  ...en_email,
  ...en_auth,
  ...en_db,
  ...en_door,
  ...en_exports,
  ...en_fields,
  ...en_graphql,
  ...en_imports,
  ...en_lists,
  ...en_mail,
  ...en_notFound,
  ...en_organizations,
  ...en_settings,
  ...en_tickets,
  ...en_tokens,
  ...en_users,
  ...en_versions,
  ...en_webhooks,
  ...en_refusals,
};
export type EnglishCatalog = typeof en;

export const fr: Translation<EnglishCatalog> = {
  ...fr_common,
  ...fr_team,
  ...fr_doorMail,
  ...fr_fieldValues,
  ...fr_labels,
  ...fr_password,
  ...fr_text,
  ...fr_email,
  ...fr_auth,
  ...fr_db,
  ...fr_door,
  ...fr_exports,
  ...fr_fields,
  ...fr_graphql,
  ...fr_imports,
  ...fr_lists,
  ...fr_mail,
  ...fr_notFound,
  ...fr_organizations,
  ...fr_settings,
  ...fr_tickets,
  ...fr_tokens,
  ...fr_users,
  ...fr_versions,
  ...fr_webhooks,
  ...fr_refusals,
};
