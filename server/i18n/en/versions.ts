import type { ParamValue } from '../message.js';

export const versions = {
  'versions.recordAtVersionExpectedversion': (p: { currentVersion: ParamValue; currentVersion2: ParamValue }) =>
    `This record is at version ${p.currentVersion}; expectedVersion must be from 1 to ${p.currentVersion2}.`,
  /** How an end user reads a staff member without an alias who changed their account meanwhile (a CONFLICT's changedBy). */
  'versions.theSupportTeam': () => `the support team`,
};
