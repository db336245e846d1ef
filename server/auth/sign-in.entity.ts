import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, TIMESTAMP } from '../db/columns.js';

/** One failed sign-in, under a key (`address:…` or `account:…`). */
@Entity('sign_in_failures')
@Index('ix_sign_in_failures_key', ['lockKey', 'failedAt'])
export class SignInFailure {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'lock_key', type: 'varchar', length: 400, ...BIN })
  lockKey: string;

  @Column({ name: 'failed_at', ...TIMESTAMP })
  failedAt: Date;
}

/** A key locked out of signing in until a time. */
@Entity('sign_in_locks')
export class SignInLock {
  @PrimaryColumn({ name: 'lock_key', type: 'varchar', length: 400, ...BIN })
  lockKey: string;

  @Column({ name: 'locked_until', ...TIMESTAMP })
  lockedUntil: Date;
}
