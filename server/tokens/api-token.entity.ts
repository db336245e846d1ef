import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from '../users/user.entity.js';

/** A stored API token: its secret only as a SHA-256, its scopes space-separated. The API shows ApiToken (api-token.types.ts). */
@Entity('api_tokens')
@Index('uq_api_tokens_token_hash', ['tokenHash'], { unique: true })
export class ApiTokenEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'token_hash', type: 'char', length: 64, ...BIN })
  tokenHash: string;

  @Column({ type: 'varchar', length: 255 })
  scopes: string;

  @Column({ name: 'created_by_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_created_by_id_api_tokens', ...OWNED_BY })
  createdById: number;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'last_used_at', ...TIMESTAMP, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', ...TIMESTAMP, nullable: true })
  revokedAt: Date | null;
}
