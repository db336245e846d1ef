import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from '../users/user.entity.js';

/** A signed-in browser: the SHA-256 of the random id its cookie holds. */
@Entity('sessions')
@Index('uq_sessions_token_hash', ['tokenHash'], { unique: true })
@Index('ix_sessions_user', ['userId'])
export class SessionEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'token_hash', type: 'char', length: 64, ...BIN })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_user_id_sessions', ...OWNED_BY })
  userId: number;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'last_seen_at', ...TIMESTAMP })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', ...TIMESTAMP })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;
}
