import { resolve } from 'node:path';
import { build } from '../../scripts/build.mjs';

/**
 * The end-to-end tests drive the admin app as `npm start` serves it: the same
 * production build (scripts/build.mjs, made when missing or stale). Vitest sets
 * NODE_ENV=test, under which a plain `vite build` would make a development bundle.
 */
export default function buildClient(): void {
  build(resolve(import.meta.dirname, '../..'), { ifStale: true, parts: ['client'] });
}
