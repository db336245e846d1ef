import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/columns.js';

/**
 * The change feed's log: one row per user change, written inside the change's
 * transaction (a listener of UserChangeListeners). Rows get their place in
 * the feed only once committed, when the feed is read (see user-change-feed.ts).
 */
@Entity('user_change_log')
export class UserChangeLogEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'changed_at', ...TIMESTAMP })
  changedAt: Date;
}

/** The feed: the latest change of each user, numbered in the order the changes were committed and sequenced. */
@Entity('user_changes')
@Index('ix_user_changes_user', ['userId'])
export class UserChangeEntity {
  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'changed_at', ...TIMESTAMP })
  changedAt: Date;
}

/** One row (id 1): the last sequence number given; its lock makes the sequencing of the log one at a time. */
@Entity('user_change_sequence')
export class UserChangeSequenceEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq: number;
}
