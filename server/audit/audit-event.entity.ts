import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MEDIUMTEXT, TIMESTAMP } from '../db/columns.js';

/** One line of the audit trail. `changes` is the JSON of the FieldChange list. The API shows UserEvent. */
@Entity('audit_events')
@Index('ix_audit_events_subject', ['subjectType', 'subjectId', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId: number;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ name: 'actor_token_id', type: 'int', nullable: true })
  actorTokenId: number | null;

  @Column({ name: 'actor_token_name', type: 'varchar', length: 255, nullable: true })
  actorTokenName: string | null;

  @Column({ ...MEDIUMTEXT })
  changes: string;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}
