import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
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
@ObjectType('UserIdentity', { simpleResolvers: true })
export class UserIdentity {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Field(() => IdentityType)
  @Column({ type: 'varchar', length: 8 })
  type: IdentityType;

  @Field(() => String, { description: 'The address as stored: domain lower-cased, in ASCII (punycode) form.' })
  @Column({ type: 'varchar', length: 320 })
  value: string;

  /** Lower-cased key, unique per type. Not exposed. */
  @Column({ name: 'value_normalized', type: 'varchar', length: 320 })
  valueNormalized: string;

  @Field(() => Boolean)
  @Column({ name: 'is_primary', type: 'boolean' })
  primary: boolean;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  verified: boolean;

  @Field(() => Boolean, {
    description: 'A phone number that another user already has (a shared line): kept on this profile, but not unique to it.',
  })
  @Column({ type: 'boolean' })
  shared: boolean;

  @Field(() => Deliverability)
  @Column({ type: 'varchar', length: 32 })
  deliverability: Deliverability;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
