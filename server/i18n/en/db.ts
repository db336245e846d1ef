import type { ParamValue } from '../message.js';

export const db = {
  'db.firstNegative': () => `first cannot be negative.`,
  'db.cursorNotOnePaging': (p: { list: ParamValue }) => `This cursor is not one that ${p.list} paging returned.`,
};
