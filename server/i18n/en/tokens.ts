import type { ParamValue } from '../message.js';

export const tokens = {
  'tokens.adminSignedInAccueil': () => `Only an admin signed in to Accueil can do this.`,
  'tokens.giveTokenNameSuch': () => `Give the token a name, such as the partner app it is for.`,
  'tokens.chooseAtLeastOne': () => `Choose at least one scope.`,
  'tokens.unknownScopeScopesAre': (p: { unknown: ParamValue; value: ParamValue }) => `Unknown scope ${p.unknown}. Scopes are ${p.value}.`,
  'tokens.iNBOUNDScopeForMail': () => `The INBOUND scope is for a mail provider alone: make a separate token for it, without other scopes.`,
};
