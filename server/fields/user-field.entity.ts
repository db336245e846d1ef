import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, MEDIUMTEXT, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from '../users/user.entity.js';
import type { LookupTarget, UserFieldType } from './user-field.types.js';

/**
 * The tables of custom user fields. The GraphQL types (user-field.types.ts)
 * are what the API shows; these are what is stored.
 */

/** A field's definition. */
@Entity('user_fields')
@Index('uq_user_fields_key', ['key'], { unique: true })
export class UserFieldEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'field_key', type: 'varchar', length: 64, ...BIN })
  key: string;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ ...MEDIUMTEXT, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  type: UserFieldType;

  @Column({ type: 'varchar', length: 255, nullable: true, ...BIN })
  pattern: string | null;

  @Column({ name: 'pattern_hint', type: 'varchar', length: 1000, nullable: true })
  patternHint: string | null;

  @Column({ name: 'lookup_target', type: 'varchar', length: 16, nullable: true })
  lookupTarget: LookupTarget | null;

  @Column({ name: 'is_required', type: 'boolean', default: false })
  required: boolean;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;
}

/** A choice of a DROPDOWN or MULTISELECT field; `valueKey` is unique within the field. */
@Entity('user_field_options')
@Index('uq_user_field_options_value', ['fieldId', 'valueKey'], { unique: true })
export class UserFieldOptionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'field_id', type: 'int' })
  @ForeignKey(() => UserFieldEntity, { name: 'fk_user_field_options_field', ...OWNED_BY })
  fieldId: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'varchar', length: 255 })
  value: string;

  @Column({ name: 'value_key', type: 'varchar', length: 191, ...BIN })
  valueKey: string;

  @Column({ type: 'int' })
  position: number;
}

/** One value of a user (one row per chosen option of a MULTISELECT), with its comparison key. */
@Entity('user_field_values')
@Index('ix_user_field_values_filter', ['fieldId', 'valueKey', 'userId'])
export class UserFieldValueEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_user_field_values_user', ...OWNED_BY })
  userId: number;

  @PrimaryColumn({ name: 'field_id', type: 'int' })
  @ForeignKey(() => UserFieldEntity, { name: 'fk_user_field_values_field', ...OWNED_BY })
  fieldId: number;

  @PrimaryColumn({ name: 'value_key', type: 'varchar', length: 191, ...BIN })
  valueKey: string;

  @Column({ ...MEDIUMTEXT })
  value: string;

  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;
}
