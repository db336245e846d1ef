import type { ParamValue } from '../message.js';
import { DEFAULT_WELCOME_BODY, DEFAULT_WELCOME_SUBJECT } from '../../db/migrations/1765500000200-settings-door.js';

/** The end users' door mails (door/door-mail.ts), in the recipient's language. */
export const doorMail = {
  'doorMail.hello': (p: { name: ParamValue }) => `Hello ${p.name},`,
  // The shipped welcome template (the settings' default, with its {{placeholders}}), sent in the recipient's language while unchanged.
  'doorMail.welcomeSubjectTemplate': () => DEFAULT_WELCOME_SUBJECT,
  'doorMail.welcomeBodyTemplate': () => DEFAULT_WELCOME_BODY,
  'doorMail.verifySubject': (p: { desk: ParamValue }) => `Confirm your address for ${p.desk}`,
  'doorMail.verifyIntro': (p: { desk: ParamValue }) => `Please confirm that this is your address and choose a password for ${p.desk}:`,
  'doorMail.verifyFooter': () => `The link works for 3 days. If you did not ask for it, ignore this message.`,
  'doorMail.resetSubject': (p: { desk: ParamValue }) => `Choose a new password for ${p.desk}`,
  'doorMail.resetIntro': (p: { desk: ParamValue }) => `Someone (probably you) asked to sign in to ${p.desk}. Choose a new password here:`,
  'doorMail.resetFooter': () => `The link works for 2 hours. If you did not ask for it, ignore this message: your password stays as it is.`,
  // The first line of the desk's mail about a ticket or a side conversation: a reply is cut there (inbound/reply-text.ts), so it keeps the `##- … -##` shape.
  'doorMail.replyAbove': () => `##- Please type your reply above this line -##`,
  'doorMail.replyFooter': (p: { id: number }) => `Reply to this email to answer on request #${p.id}.`,
  // The acknowledgment of a new request (mail/request-received-mail.ts).
  'doorMail.receivedIntro': (p: { id: number }) => `Your request #${p.id} has been received. Our team will answer you by email.`,
  'doorMail.receivedQuote': () => `Your request, for reference:`,
  'doorMail.receivedSubject': () => `Request received`,
  'doorMail.anAdmin': () => `An admin`,
  'doorMail.inviteSubject': (p: { desk: ParamValue }) => `You are invited to join ${p.desk}`,
  'doorMail.inviteAsAdmin': (p: { inviter: ParamValue; desk: ParamValue }) =>
    `${p.inviter} invited you to join the team of ${p.desk} as an admin. Choose your password here:`,
  'doorMail.inviteAsAgent': (p: { inviter: ParamValue; desk: ParamValue }) =>
    `${p.inviter} invited you to join the team of ${p.desk} as an agent. Choose your password here:`,
  'doorMail.inviteFooter': () => `The link works for 7 days and only once. If you did not expect this invitation, ignore this message.`,
};
