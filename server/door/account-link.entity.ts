import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../db/columns.js';

/** What a link in a mail lets its reader do. */
export type LinkPurpose = 'VERIFY' | 'RESET' | 'INVITE';

/**
 * A link sent by mail (verification, password reset, an invitation to the team): the row makes it
 * single-use (`used_at`) and expiring; the link itself carries the row's id
 * and its expiry, signed with the desk's secret (door/account-links.ts).
 */
@Entity('account_links')
@Index('ix_account_links_user', ['userId', 'purpose'])
export class AccountLinkEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  purpose: LinkPurpose;

  /** The address the link was mailed to (verifying it verifies this address). */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'expires_at', ...TIMESTAMP })
  expiresAt: Date;

  @Column({ name: 'used_at', ...TIMESTAMP, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}
