import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RENAMED_TIME_ZONES } from '../../users/time-zone-names.js';

/**
 * Issue 13 (French all the way): time zones by their current names. Users
 * saved with a name IANA has replaced (Asia/Calcutta, Europe/Kiev,
 * Asia/Saigon, ...: what ICU still answers) get the current one (Asia/Kolkata,
 * Europe/Kyiv, Asia/Ho_Chi_Minh), as every save now stores. Nothing to undo:
 * both names mean the same zone.
 */
export class TimeZoneNames1765600000200 implements MigrationInterface {
  name = 'TimeZoneNames1765600000200';

  async up(q: QueryRunner): Promise<void> {
    for (const [old, current] of Object.entries(RENAMED_TIME_ZONES)) {
      await q.query('UPDATE users SET time_zone = ? WHERE time_zone = ?', [current, old]);
    }
  }

  async down(): Promise<void> {
    // The old names are links to the current ones: leaving the current names is correct either way.
  }
}
