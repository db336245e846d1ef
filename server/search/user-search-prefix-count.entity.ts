import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIN } from '../db/columns.js';

/** One slot of the number of users with a word starting with `prefix` (prefix-counts.ts). */
@Entity('user_search_prefix_counts')
export class UserSearchPrefixCount {
  @PrimaryColumn({ type: 'varchar', length: 2, ...BIN })
  prefix: string;

  @PrimaryColumn({ type: 'smallint' })
  slot: number;

  @Column({ type: 'int' })
  users: number;
}
