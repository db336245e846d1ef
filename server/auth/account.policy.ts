import { rule } from './policy.js';
import { msg } from '../i18n/message.js';

/** Signing in and out is open to anyone; a password is changed by the person, through a session. */
export const accountPolicy = {
  open: rule({ name: 'account.open', open: true }),
  changePassword: rule({ name: 'account.changePassword', sessionOnly: true, message: msg('auth.passwordsAreChangedBy') }),
} as const;
