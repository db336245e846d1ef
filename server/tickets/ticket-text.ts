import { UserInputError } from '../graphql/errors.js';
import { LIMITS, multiLine, singleLine } from '../users/profile-rules.js';
import { msg } from '../i18n/message.js';
import { labelText } from '../i18n/labels.js';
import { visibleCount } from '../text/text-rules.js';

/** Rules for what people type on tickets (the shared text rules: NFC, no controls or bidi controls). */
export const TICKET_LIMITS = { subject: 255, body: 65_535 } as const;

export function ticketSubject(value: unknown, field = 'subject'): string {
  const v = singleLine(field, 'Subject', typeof value === 'string' ? value : '', TICKET_LIMITS.subject);
  // Nothing visible (a zero-width space, a lone mark) is no subject: the list would show a blank line.
  if (visibleCount(v) === 0) throw new UserInputError(field, msg('settings.subjectRequired'));
  return v;
}

export function ticketBody(value: unknown, field: string, label = 'Comment'): string {
  const v = multiLine(field, label, typeof value === 'string' ? value : '', TICKET_LIMITS.body).trim();
  // Nothing visible is no text, though it would be mailed.
  if (visibleCount(v) === 0) throw new UserInputError(field, msg('mail.required', { label: labelText(label) }));
  return v;
}

/** A subject from mail: one line, cut to the column, never refused ("(no subject)" when empty). */
export function mailSubject(value: string): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
    .trim()
    .normalize('NFC');
  const cut = [...line].slice(0, TICKET_LIMITS.subject).join('');
  return cut === '' ? '(no subject)' : cut;
}

/** A body from mail: control characters other than line breaks and tabs dropped, cut to the column. */
export function mailBody(value: string): string {
  const clean = value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .normalize('NFC')
    .trim();
  const cut = [...clean].slice(0, TICKET_LIMITS.body).join('');
  return cut === '' ? '(no text)' : cut;
}

export { LIMITS };
