import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { BIN, OWNED_BY } from '../db/columns.js';
import { User } from '../users/user.entity.js';

/**
 * One search word of a user (issue 9): the folded words of its name, alias,
 * addresses, phone numbers, external id, organization and tags
 * (search-words.ts). The primary key (word, user_id) answers a query word as
 * a prefix range scan; (user_id, word) answers "does this user also have a
 * word starting with …" (the AND of the other words) and the index's upkeep.
 */
@Entity('user_search_words')
@Index('ix_user_search_words_user', ['userId', 'word'])
export class UserSearchWord {
  @PrimaryColumn({ type: 'varchar', length: 64, ...BIN })
  word: string;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_user_search_words_user', ...OWNED_BY })
  userId: number;
}
