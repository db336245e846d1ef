import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MEDIUMTEXT, TIMESTAMP } from '../db/columns.js';

/**
 * What one save of a record changed (users, organizations): the version it
 * made and, per field, the value before and after, in full (notes included,
 * which the audit trail never copies). See record-versions.ts.
 */
@Entity('record_versions')
@Index('ix_record_versions_subject', ['subjectType', 'subjectId', 'version'])
export class RecordVersionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  /** JSON: [{ field, before, after }]. */
  @Column({ ...MEDIUMTEXT })
  changes: string;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}
