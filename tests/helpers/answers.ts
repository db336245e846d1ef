import { expect } from 'vitest';
import type { GraphQLResponse } from './test-app.js';

/** The data of an answer that must have no errors. */
export function ok<T = any>(r: GraphQLResponse<T>): T {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** The answer is a BAD_USER_INPUT naming `field` (never a 500); returns its message. */
export function refused(r: GraphQLResponse, field: string): string {
  expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  return r.errors![0].message;
}
