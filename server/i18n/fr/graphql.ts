import type { Translation } from '../catalog.js';
import type { graphql as en } from '../en/graphql.js';

export const graphql: Translation<typeof en> = {
  'graphql.aPITokenNotValid': () => `Ce jeton d’API n’est pas valide (inconnu, révoqué, ou son créateur n’est plus actif).`,
  'graphql.aPITokenForInbound': () => `Ce jeton d’API sert uniquement au courrier entrant (POST /inbound/email).`,
};
