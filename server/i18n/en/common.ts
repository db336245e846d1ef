import type { ParamValue } from '../message.js';

export const common = {
  'common.unavailable': () => `Accueil cannot reach its database right now. Try again in a moment.`,
  'common.signInFirst': () => `Sign in first.`,
  'common.notAllowed': () => `You are not allowed to do this.`,
  'common.sessionOnly': () => `Only someone signed in to Accueil can do this, never an API token.`,
  'common.tokenLacksScope': (p: { scope: ParamValue }) => `This API token lacks the ${p.scope} scope.`,
  'common.tooManyRequests': () => `Too many requests. Try again later.`,
  'common.emailTaken': (p: { name: ParamValue }) => `This email address is already used by ${p.name}.`,
  'common.requestBodyTooLarge': () => `Request body too large.`,
  'common.badRequest': () => `Bad request.`,
  'common.bodyNotUtf8': () => `The request body is not valid UTF-8: send text encoded in UTF-8.`,
  'common.queryNotUtf8': () => `The query string of the address is not valid UTF-8: encode its parameters in UTF-8.`,
  'common.methodNotAllowed': (p: { method: ParamValue; allow: ParamValue }) => `${p.method} is not allowed here: use ${p.allow}.`,
  'common.noSuchApiPath': () => `There is nothing at this address of the API.`,
  'common.bodyCharsetNotUtf8': () => `Send JSON encoded in UTF-8.`,
  'common.addressCannotBeAdded': () => `This address cannot be added.`,
  'common.valueUsedByAnother': () => `This value is already used by another account.`,
  'common.nameUsedByAnotherOrganization': () => `This name is already used by another organization.`,
  'common.tooManyForToken': () => `Too many requests for this API token. Try again later.`,
};
