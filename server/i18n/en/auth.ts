import type { ParamValue } from '../message.js';

export const auth = {
  'auth.badCredentials': () => `Email or password is incorrect.`,
  'auth.passwordsAreChangedBy': () => `Passwords are changed by the person, not by an API token.`,
  'auth.tooManySignIn': () => `Too many sign-in attempts from this address. Try again later.`,
  'auth.currentPasswordNotRight': () => `The current password is not right.`,
  'auth.tooManyFailedSign': (p: { value: ParamValue }) => `Too many failed sign-ins. Try again in ${p.value} minutes.`,
  'auth.tooManyWrongPasswords': (p: { value: ParamValue }) => `Too many wrong passwords. Try again in ${p.value} minutes.`,
};
