import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters in the database (per API token, per sign-in client), so that the
 * budgets hold across every process (WORKERS) and every machine that shares the database.
 * One row per key and fixed window, incremented by an atomic upsert.
 */
export class RateLimitCounters1765200000000 implements MigrationInterface {
  name = 'RateLimitCounters1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.options.type !== 'better-sqlite3';
    const bin = mysql ? ' COLLATE utf8mb4_bin' : '';
    const table = mysql ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci' : '';
    await q.query(`CREATE TABLE rate_limit_counters (
      counter_key VARCHAR(255)${bin} NOT NULL,
      window_start BIGINT NOT NULL,
      hits INT NOT NULL,
      expires_at BIGINT NOT NULL,
      PRIMARY KEY (counter_key, window_start)
    )${table}`);
    await q.query('CREATE INDEX ix_rate_limit_counters_expires ON rate_limit_counters (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_counters');
  }
}
