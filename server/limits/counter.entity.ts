import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BIN } from '../db/columns.js';

/**
 * One rate-limit counter: the hits under a key within one fixed window. Shared by every
 * process and machine on the database (when Redis is not configured), so a budget holds
 * across all of them.
 */
@Entity('rate_limit_counters')
@Index('ix_rate_limit_counters_expires', ['expiresAt'])
export class RateLimitCounterEntity {
  @PrimaryColumn({ name: 'counter_key', type: 'varchar', length: 255, ...BIN })
  counterKey: string;

  /** Start of the window, in milliseconds since 1970. */
  @PrimaryColumn({ name: 'window_start', type: 'bigint' })
  windowStart: string;

  @Column({ name: 'hits', type: 'int' })
  hits: number;

  /** When the counter can be forgotten (the window's end), in milliseconds since 1970. */
  @Column({ name: 'expires_at', type: 'bigint' })
  expiresAt: string;
}
