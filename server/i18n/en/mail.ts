import type { ParamValue } from '../message.js';

export const mail = {
  'mail.agentsAdminsEmailUsers': () => `Only agents and admins can email users.`,
  'mail.agentsAdminsSeeMessages': () => `Only agents and admins can see the messages sent to a user.`,
  'mail.adminsSeeOutbox': () => `Only admins can see the outbox.`,
  'mail.required': (p: { label: ParamValue }) => `${p.label} is required.`,
  'mail.userHasNoEmail': () => `This user has no email address.`,
  'mail.userWasSentMany': () => `This user was sent many emails in the last hour. Try again later.`,
};
