export const graphql = {
  'graphql.aPITokenNotValid': () => `This API token is not valid (unknown, revoked, or its creator is no longer active).`,
  'graphql.aPITokenForInbound': () => `This API token is for inbound mail (POST /inbound/email) only.`,
};
