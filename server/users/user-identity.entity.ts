import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BIN, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from './user.entity.js';
import type { Deliverability as DeliverabilityName } from './email-address.js';

export enum IdentityType {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(IdentityType, { name: 'IdentityType' });

export enum Deliverability {
  DELIVERABLE = 'DELIVERABLE',
  UNDELIVERABLE_RESERVED = 'UNDELIVERABLE_RESERVED',
  UNKNOWN = 'UNKNOWN',
  NO_MAIL_DOMAIN = 'NO_MAIL_DOMAIN',
}
registerEnumType(Deliverability, {
  name: 'Deliverability',
  description: 'Whether mail can reach an address. UNDELIVERABLE_RESERVED and NO_MAIL_DOMAIN are never mailed.',
});

// Keeps the pure module's union and this enum in step.
const _check: Record<DeliverabilityName, Deliverability> = Deliverability;
void _check;

/** One way to reach a user: an email address or a phone number. */
@Entity('user_identities')
@Index('uq_user_identities_type_unique', ['type', 'uniqueValue'], { unique: true })
@Index('ix_user_identities_type_value', ['type', 'valueNormalized'])
@Index('ix_user_identities_user', ['userId', 'type', 'valueNormalized'])
@ObjectType('UserIdentity', { simpleResolvers: true })
export class UserIdentity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_user_identities_user', ...OWNED_BY })
  userId: number;

  @Field(() => IdentityType)
  @Column({ type: 'varchar', length: 8 })
  type: IdentityType;

  @Field(() => String, { description: 'The address as stored: domain lower-cased, in ASCII (punycode) form.' })
  @Column({ type: 'varchar', length: 320 })
  value: string;

  /** Lower-cased key for lookups and search. Not exposed. */
  @Column({ name: 'value_normalized', type: 'varchar', length: 320, ...BIN })
  valueNormalized: string;

  /**
   * The key that makes the identity unique per type: `valueNormalized`, or
   * null for a value held without owning it (a shared phone number, an end
   * user's unverified claim on an email). Not exposed.
   */
  @Column({ name: 'unique_value', type: 'varchar', length: 320, nullable: true, ...BIN })
  uniqueValue: string | null;

  @Field(() => Boolean)
  @Column({ name: 'is_primary', type: 'boolean', default: false })
  primary: boolean;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Field(() => Boolean, {
    description: 'A phone number that another user already has (a shared line): kept on this profile, but not unique to it.',
  })
  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Field(() => Deliverability)
  @Column({ type: 'varchar', length: 32 })
  deliverability: Deliverability;

  @Field(() => Date)
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;
}
