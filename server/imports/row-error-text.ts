import { can } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { userPolicy } from '../users/user.policy.js';
import type { Lang } from '../i18n/language.js';
import { msg, renderText, type Message } from '../i18n/message.js';
import { messageFromJson, storedText } from '../i18n/message-json.js';

/**
 * Row errors that name another account (the owner of a taken address or external id), and what those who may not
 * list users read instead: the rule of owner-redaction.ts, for messages kept in the database. The uploader's rights
 * decide what a row may do; who reads its errors later (an admin, a token with IMPORT but not USERS_READ) decides
 * what they are told. A row keeps that text from when it was written (the batch problem's publicText); rows
 * written before it was kept are recognized by their message's code, below.
 */
const NAMING_OWNER: Readonly<Record<string, Message>> = {
  'common.emailTaken': msg('common.addressCannotBeAdded'),
  'users.externalIdAlreadyUsed': msg('common.valueUsedByAnother'),
};

/** Rows kept before messages were (English text only). */
const LEGACY_EXTERNAL_ID = /^This external ID is already used by /;

/** A row error's message in `lang` for `viewer` (null: the command line, which may read everything). */
export function rowErrorText(
  row: { code: string; message: string; messageJson: string | null; publicMessageJson: string | null },
  lang: Lang,
  viewer: Viewer | null,
): string {
  if (viewer === null || can(viewer, userPolicy.list)) return storedText(row.messageJson, row.message, lang);
  const kept = messageFromJson(row.publicMessageJson);
  if (kept) return renderText(kept, lang);
  const stored = messageFromJson(row.messageJson);
  const instead = stored
    ? NAMING_OWNER[stored.code]
    : row.code === 'EMAIL_TAKEN'
      ? NAMING_OWNER['common.emailTaken']
      : LEGACY_EXTERNAL_ID.test(row.message)
        ? NAMING_OWNER['users.externalIdAlreadyUsed']
        : undefined;
  return instead ? renderText(instead, lang) : storedText(row.messageJson, row.message, lang);
}
