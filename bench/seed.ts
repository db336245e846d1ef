import { rebuildPrefixCountsSql } from '../server/search/prefix-counts.js';
import { connectMysql, openDatabase } from '../server/db/data-source.js';
import { Database } from '../server/db/database.js';
import { UserFieldService, loadFieldDefinitions } from '../server/fields/user-field.service.js';
import { parseFieldValue, type RawFieldValue } from '../server/fields/field-rules.js';
import { UserFieldType } from '../server/fields/user-field.types.js';
import { parseEmail } from '../server/users/email-address.js';
import { searchKey } from '../server/users/profile-rules.js';
import { userSearchWords } from '../server/search/search-words.js';

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

/** Rows per multi-row INSERT (about 1 MB of users, 3 MB of field values: under MariaDB's 16 MB packet). */
const BATCH = 5000;
/** Queries of the word search (issue 9): a surname, a mail domain, a phone number, one letter. */
export function searchShapes(count: number, n = 500): Record<'surname' | 'domain' | 'phone' | 'letter', string[]> {
  const out = { surname: [] as string[], domain: [] as string[], phone: [] as string[], letter: [] as string[] };
  for (let k = 0; k < n; k++) {
    const i = (k * 7919) % count;
    out.surname.push(personName(i).last.toLowerCase());
    out.domain.push(`customer${k % 50}.acme.io`);
    const even = i - (i % 2);
    out.phone.push(`+33 6 ${String(10_000_000 + even).slice(-8, -4)} ${String(10_000_000 + even).slice(-4)}`);
    out.letter.push('abcdefghijklmnoprstuvz'[k % 22]);
  }
  return out;
}

/**
 * The seeding connection skips the per-row unique and foreign key checks (the rows are made consistent
 * here), which InnoDB otherwise pays on every secondary index: a million users seed in minutes, not hours.
 */
async function seedingConnection(url: string) {
  const conn = await connectMysql(url, true);
  await conn.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  return conn;
}

/**
 * Seeds users, their primary email identities, a phone for every other user and a tag each, with the
 * same normalization as the service, by multi-row INSERTs of BATCH rows (the fast path that STACK.md
 * measured; the service is not what is being measured here). BENCH_USERS=1000000 works the same way.
 */
export async function seedUsers(url: string, count: number): Promise<void> {
  const conn = await seedingConnection(url);
  const [[{ next }]] = (await conn.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM users')) as any;
  const start = Number(next);
  const base = Date.now() - count * 1000;
  try {
    const now = new Date();
    const orgs = Array.from({ length: 50 }, (_, n) => [n + 1, `Customer ${n}`, searchKey(`Customer ${n}`), now, now]);
    await conn.query('INSERT INTO organizations (id, name, name_key, created_at, updated_at) VALUES ?', [orgs]);
    await conn.query('INSERT INTO organization_domains (organization_id, domain) VALUES ?', [orgs.map(([id], n) => [id, `customer${n}.acme.io`])]);
    for (let from = 0; from < count; from += BATCH) {
      const users: unknown[][] = [];
      const identities: unknown[][] = [];
      const phones: unknown[][] = [];
      const tags: unknown[][] = [];
      const words: unknown[][] = [];
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        const id = start + i;
        const { first, last } = personName(i);
        const name = `${first} ${last}`;
        const at = new Date(base + i * 1000);
        const phone = i % 2 === 0 ? `+336${String(10_000_000 + i).slice(-8)}` : null;
        // Users of customerN.acme.io belong to organization N + 1 (seeded below).
        users.push([id, name, searchKey(name), 'END_USER', phone, (i % 50) + 1, 'API', at, at]);
        if (phone) phones.push([id, 'PHONE', phone, phone, phone, 1, 0, 'UNKNOWN', at, at]);
        const email = parseEmail(`${first}.${last}.${i}@customer${i % 50}.acme.io`);
        if (!email.ok) throw new Error(String(email.reason));
        identities.push([id, 'EMAIL', email.email.address, email.email.normalized, email.email.normalized, 1, 0, email.email.deliverability, at, at]);
        const tag = i % 10 === 0 ? 'vip' : 'standard';
        tags.push([id, tag]);
        // The word search's index, as the user service's listener would write it.
        for (const w of new Set(
          userSearchWords({
            name,
            emails: [email.email.address],
            phones: phone ? [phone] : [],
            organizationName: `Customer ${i % 50}`,
            tags: [tag],
            role: 'END_USER',
          }).map((x) => x.word),
        )) {
          words.push([w, id]);
        }
      }
      await conn.query('INSERT INTO users (id, name, name_key, role, phone, organization_id, created_via, created_at, updated_at) VALUES ?', [users]);
      const identityColumns = 'user_id, type, value, value_normalized, unique_value, is_primary, verified, deliverability, created_at, updated_at';
      await conn.query(`INSERT INTO user_identities (${identityColumns}) VALUES ?`, [identities]);
      if (phones.length) await conn.query(`INSERT INTO user_identities (${identityColumns}) VALUES ?`, [phones]);
      await conn.query('INSERT INTO user_tags (user_id, tag) VALUES ?', [tags]);
      await conn.query('INSERT INTO user_search_words (word, user_id) VALUES ?', [words]);
    }
    for (const sql of rebuildPrefixCountsSql('mysql')) await conn.query(sql);
    await conn.query('ANALYZE TABLE users, user_identities, user_tags, organizations, user_search_words');
  } finally {
    await conn.end();
  }
}

/** Ten custom fields, one of each kind an admin would define, and a value of each for every user. */
export const BENCH_FIELDS: {
  key: string;
  type: UserFieldType;
  extra?: Record<string, unknown>;
  value: (i: number, firstId: number) => RawFieldValue;
}[] = [
  {
    key: 'plan',
    type: UserFieldType.DROPDOWN,
    extra: { options: ['free', 'team', 'business', 'enterprise'].map((v) => ({ title: v, value: v })) },
    value: (i) => ({ value: ['free', 'team', 'business', 'enterprise'][i % 4] }),
  },
  { key: 'seats', type: UserFieldType.INTEGER, value: (i) => ({ value: String(i % 500) }) },
  { key: 'mrr', type: UserFieldType.DECIMAL, value: (i) => ({ value: `${i % 1000}.${i % 100}` }) },
  { key: 'renewal', type: UserFieldType.DATE, value: (i) => ({ value: `2027-${String((i % 12) + 1).padStart(2, '0')}-15` }) },
  { key: 'beta', type: UserFieldType.CHECKBOX, value: (i) => ({ value: i % 3 === 0 ? 'true' : 'false' }) },
  { key: 'bio', type: UserFieldType.MULTILINE, value: (i) => ({ value: `Customer since ${2000 + (i % 25)}.\nPrefers email.` }) },
  { key: 'nickname', type: UserFieldType.TEXT, value: (i) => ({ value: `nick${i}` }) },
  {
    key: 'sku',
    type: UserFieldType.REGEXP,
    extra: { pattern: '[A-Z]{3}-\\d{3}', patternHint: 'Like ABC-123' },
    value: (i) => ({ value: `ABC-${String(i % 1000).padStart(3, '0')}` }),
  },
  {
    key: 'products',
    type: UserFieldType.MULTISELECT,
    extra: { options: ['chat', 'mail', 'voice'].map((v) => ({ title: v, value: v })) },
    value: (i) => ({ values: i % 2 ? ['chat', 'mail'] : ['voice'] }),
  },
  { key: 'manager', type: UserFieldType.LOOKUP, extra: { lookupTarget: 'USER' }, value: (i, firstId) => ({ value: String(firstId + (i % 100)) }) },
];

/** Defines the bench fields through the service and stores every user's values with the service's own value rules. */
export async function seedFieldValues(url: string, count: number): Promise<void> {
  const db = new Database(await openDatabase(url, { migrate: false }));
  const conn = await seedingConnection(url);
  try {
    const service = new UserFieldService(db);
    for (const f of BENCH_FIELDS) await service.create({ key: f.key, title: f.key, type: f.type, ...f.extra } as never);
    const fields = await loadFieldDefinitions(db.manager);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    const [[{ first }]] = (await conn.query('SELECT MIN(id) AS first FROM users')) as any;
    // Most values repeat (i modulo a few): each distinct one goes through the service's value rules once.
    const memo = new Map<string, ReturnType<typeof parseFieldValue>>();
    const parsed = (field: (typeof fields)[number], raw: RawFieldValue) => {
      const key = `${field.id}\u0000${JSON.stringify(raw)}`;
      let hit = memo.get(key);
      if (!hit) {
        hit = parseFieldValue(field, raw);
        if (memo.size < 50_000) memo.set(key, hit);
      }
      return hit;
    };
    const now = new Date();
    for (let from = 0; from < count; from += BATCH) {
      const rows: unknown[][] = [];
      for (let i = from; i < Math.min(count, from + BATCH); i++) {
        for (const f of BENCH_FIELDS) {
          const field = byKey.get(f.key)!;
          for (const v of parsed(field, f.value(i, Number(first)))) rows.push([Number(first) + i, field.id, v.key, v.value, now]);
        }
      }
      await conn.query('INSERT INTO user_field_values (user_id, field_id, value_key, value, updated_at) VALUES ?', [rows]);
    }
    await conn.query('ANALYZE TABLE user_field_values');
  } finally {
    await conn.end();
    await db.close();
  }
}
