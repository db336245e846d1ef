import { connectMysql } from '../server/db/data-source.js';
import { parseEmail } from '../server/users/email-address.js';
import { searchKey } from '../server/users/profile-rules.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'jo', 'sa', 'vi', 'ne', 'ul', 'bri', 'dor', 'an', 'el', 'mar', 'tis', 'fe', 'gu', 'ho', 'zy'];

/** A pseudo-random but repeatable name: 20^2 first names x 20^3 last names. */
export function personName(i: number): { first: string; last: string } {
  const h = (i * 2654435761) >>> 0;
  const s = (k: number) => SYLLABLES[Math.floor(h / 20 ** k) % 20];
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  return { first: cap(s(0) + s(1)), last: cap(s(2) + s(3) + s(4)) };
}

/** Prefixes an agent would type: 3 to 6 letters of a first name, a last name or an email. */
export function searchPrefixes(count: number, n = 2000): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const i = (k * 7919) % count;
    const { first, last } = personName(i);
    const len = 3 + (k % 4);
    out.push([first, last.toLowerCase(), `${first}.${last}`.toLowerCase()][k % 3].slice(0, len));
  }
  return out;
}

/**
 * Seeds users, their primary email identities and a tag each, with the same
 * normalization as the service, by multi-row INSERTs of 1,000 (the fast path
 * that STACK.md measured; the service is not what is being measured here).
 */
export async function seedUsers(url: string, count: number): Promise<void> {
  const conn = await connectMysql(url, true);
  const [[{ next }]] = (await conn.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM users')) as any;
  const start = Number(next);
  const base = Date.now() - count * 1000;
  try {
    for (let from = 0; from < count; from += 1000) {
      const users: unknown[][] = [];
      const identities: unknown[][] = [];
      const tags: unknown[][] = [];
      for (let i = from; i < Math.min(count, from + 1000); i++) {
        const id = start + i;
        const { first, last } = personName(i);
        const name = `${first} ${last}`;
        const at = new Date(base + i * 1000);
        users.push([id, name, searchKey(name), 'END_USER', 'API', at, at]);
        const email = parseEmail(`${first}.${last}.${i}@customer${i % 50}.acme.io`);
        if (!email.ok) throw new Error(email.reason);
        identities.push([id, 'EMAIL', email.email.address, email.email.normalized, 1, 0, email.email.deliverability, at, at]);
        tags.push([id, i % 10 === 0 ? 'vip' : 'standard']);
      }
      await conn.query('INSERT INTO users (id, name, name_key, role, created_via, created_at, updated_at) VALUES ?', [users]);
      await conn.query(
        'INSERT INTO user_identities (user_id, type, value, value_normalized, is_primary, verified, deliverability, created_at, updated_at) VALUES ?',
        [identities],
      );
      await conn.query('INSERT INTO user_tags (user_id, tag) VALUES ?', [tags]);
    }
    await conn.query('ANALYZE TABLE users, user_identities, user_tags');
  } finally {
    await conn.end();
  }
}
