import type { MigrationInterface, QueryRunner } from 'typeorm';
import { emailKey } from '../../users/email-address.js';

/**
 * Email keys made before the full case fold (they were only lower-cased, and
 * not always in NFC) are made again with today's rule (`emailKey`: NFC, then a
 * fold that treats ß/ss, σ/ς, ligatures and composed/decomposed accents
 * alike), so an address stored before the change is found, and kept unique,
 * by every spelling of it. ASCII addresses are unchanged and are not touched.
 *
 * Two accounts whose addresses only became one under the new fold (say
 * `straße@x.de` and `STRASSE@x.de`) cannot both own it: the one that holds
 * the new key already (or was re-keyed first, oldest first) keeps it, the other
 * keeps its old key, so nobody loses an address or their sign-in, and the pair
 * is logged for staff to merge.
 */
export class EmailKeys1765000000000 implements MigrationInterface {
  name = 'EmailKeys1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { id: number | string; value: string; value_normalized: string; unique_value: string | null }[] = await q.query(
      "SELECT id, value, value_normalized, unique_value FROM user_identities WHERE type = 'EMAIL' ORDER BY id",
    );
    const taken = new Map<string, number>();
    for (const row of rows) if (row.unique_value !== null) taken.set(row.unique_value, Number(row.id));
    for (const row of rows) {
      // ASCII keys are the same under both rules.
      if (/^[\x00-\x7f]*$/.test(row.value)) continue;
      const key = emailKey(row.value);
      if (key === null || key === row.value_normalized) continue;
      const id = Number(row.id);
      const owner = row.unique_value === null ? undefined : taken.get(key);
      if (owner !== undefined && owner !== id) {
        console.warn(
          `Accueil migration: the address of identity ${id} (${row.value}) is the same address as identity ${owner} under the new rule; it keeps its old key. Merge the two accounts.`,
        );
        continue;
      }
      const unique = row.unique_value === null ? null : key;
      await q.query('UPDATE user_identities SET value_normalized = ?, unique_value = ? WHERE id = ?', [key, unique, id]);
      if (unique !== null) {
        if (row.unique_value !== null) taken.delete(row.unique_value);
        taken.set(key, id);
      }
    }
  }

  async down(): Promise<void> {
    // The new keys are what the old code would look up in lower case for every ASCII address; nothing to undo.
  }
}
