import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, TIMESTAMP } from '../db/columns.js';

/**
 * A partner app's endpoint: where events go, which ones, and the secret that
 * signs them. The secret is kept as it is (it must sign every delivery) and
 * never leaves the server: the API shows Webhook (webhook.types.ts), with a
 * hint of the secret only.
 */
@Entity('webhooks')
export class WebhookEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** The subscribed events, space-separated (WebhookEvent names). */
  @Column({ type: 'varchar', length: 500 })
  events: string;

  @Column({ type: 'varchar', length: 255, ...BIN })
  secret: string;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;
}
