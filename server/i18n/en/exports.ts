import type { ParamValue } from '../message.js';

export const exports = {
  'exports.filterMustJsonUserfilterinput': () => `filter must be a JSON UserFilterInput.`,
  'exports.rolesAreEndUser': () => `roles are END_USER, AGENT or ADMIN.`,
  'exports.trueFalse': (p: { k: ParamValue }) => `${p.k} is true or false.`,
  'exports.iSO8601Time': (p: { k: ParamValue }) => `${p.k} is an ISO 8601 time.`,
  'exports.unknownParameter': (p: { name: ParamValue; known: ParamValue }) =>
    `${p.name} is not a parameter of this export. Its parameters: ${p.known}.`,
  'exports.parameterOnce': (p: { name: ParamValue }) => `Give ${p.name} once.`,
  'exports.parameterAndFilter': (p: { name: ParamValue }) => `${p.name} is given both as a parameter and in filter: give it once.`,
  'exports.listIdAlone': (p: { name: ParamValue }) => `listId exports a saved list as it is: give it without ${p.name}.`,
  'exports.filterUnknownKey': (p: { key: ParamValue }) => `filter: ${p.key} is not a field of UserFilterInput.`,
  'exports.filterWrongType': (p: { key: ParamValue; type: ParamValue }) => `filter: ${p.key} must be of type ${p.type}.`,
};
