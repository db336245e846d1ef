import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BIN } from '../db/columns.js';

/** The folded number of users with a word starting with `prefix` (prefix-counts.ts). */
@Entity('user_search_prefix_counts')
export class UserSearchPrefixCount {
  @PrimaryColumn({ type: 'varchar', length: 2, ...BIN })
  prefix: string;

  @Column({ type: 'int' })
  users: number;
}

/** A change of a prefix's number of users, not yet folded into its total (prefix-counts.ts). */
@Entity('user_search_prefix_deltas')
@Index('ix_user_search_prefix_deltas_prefix', ['prefix'])
export class UserSearchPrefixDelta {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 2, ...BIN })
  prefix: string;

  @Column({ type: 'int' })
  users: number;
}
