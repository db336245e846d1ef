import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tag on a user: lower-case, no spaces; one row per (user, tag). */
@Entity('user_tags')
export class UserTag {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  tag: string;
}
