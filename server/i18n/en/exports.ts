import type { ParamValue } from '../message.js';

export const exports = {
  'exports.filterMustJsonUserfilterinput': () => `filter must be a JSON UserFilterInput.`,
  'exports.rolesAreEndUser': () => `roles are END_USER, AGENT or ADMIN.`,
  'exports.trueFalse': (p: { k: ParamValue }) => `${p.k} is true or false.`,
  'exports.iSO8601Time': (p: { k: ParamValue }) => `${p.k} is an ISO 8601 time.`,
};
