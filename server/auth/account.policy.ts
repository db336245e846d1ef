import { rule } from './policy.js';

/** Signing in and out is open to anyone; a password is changed by the person, through a session. */
export const accountPolicy = {
  open: rule({ name: 'account.open', open: true }),
  changePassword: rule({ name: 'account.changePassword', sessionOnly: true, message: 'Passwords are changed by the person, not by an API token.' }),
} as const;
