import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { BIN, OWNED_BY } from '../db/columns.js';
import { User } from './user.entity.js';

/** A tag on a user: lower-case, no spaces; one row per (user, tag). */
@Entity('user_tags')
@Index('ix_user_tags_tag', ['tag'])
export class UserTag {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_user_tags_user', ...OWNED_BY })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 80, ...BIN })
  tag: string;
}
