import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OPEN } from '../auth/policy.js';
import { BIN, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';
import type { Deliverability as DeliverabilityName } from './email-address.js';

export enum IdentityType {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(IdentityType, {
  name: 'IdentityType',
  description: 'What kind of address an identity is.',
  valuesConfig: { EMAIL: { description: 'An email address.' }, PHONE: { description: 'A phone number, stored in E.164.' } },
});

export enum Deliverability {
  DELIVERABLE = 'DELIVERABLE',
  UNDELIVERABLE_RESERVED = 'UNDELIVERABLE_RESERVED',
  UNKNOWN = 'UNKNOWN',
  NO_MAIL_DOMAIN = 'NO_MAIL_DOMAIN',
}
registerEnumType(Deliverability, {
  name: 'Deliverability',
  description: 'Whether mail can reach an address. UNDELIVERABLE_RESERVED and NO_MAIL_DOMAIN are never mailed.',
  valuesConfig: {
    DELIVERABLE: { description: 'The domain has mail (MX) or address records. Phone numbers are DELIVERABLE too.' },
    UNDELIVERABLE_RESERVED: { description: 'A reserved name (.invalid, .test, .example, .localhost, example.com …): kept, never mailed.' },
    UNKNOWN: { description: 'Not checked, or the domain check had no answer.' },
    NO_MAIL_DOMAIN: { description: 'The domain does not exist or refuses mail (null MX): never mailed.' },
  },
});

// Keeps the pure module's union and this enum in step.
const _check: Record<DeliverabilityName, Deliverability> = Deliverability;
void _check;

/** One way to reach a user: an email address or a phone number. Read under userPolicy.readIdentity, however it is reached. */
@Entity('user_identities')
@Index('uq_user_identities_type_unique', ['type', 'uniqueValue'], { unique: true })
@Index('ix_user_identities_type_value', ['type', 'valueNormalized'])
@Index('ix_user_identities_user', ['userId', 'type', 'valueNormalized'])
@ObjectType('UserIdentity', { description: 'One way to reach a user: an email address or a phone number.' })
@Authorized(userPolicy.readIdentity)
export class UserIdentity {
  @Field(() => ID, { description: 'Identifies the address (for removeUserIdentity, makeUserIdentityPrimary, verifyUserIdentity).' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_user_identities_user', ...OWNED_BY })
  userId: number;

  @Field(() => IdentityType, { description: 'Email or phone.' })
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

  @Field(() => Boolean, { description: 'The primary email or phone of its type; User.email and User.phone show it.' })
  @Column({ name: 'is_primary', type: 'boolean', default: false })
  primary: boolean;

  @Field(() => Boolean, { description: 'Known to belong to this person (marked by staff).' })
  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Field(() => Boolean, {
    description: 'A phone number that another user already has (a shared line): kept on this profile, but not unique to it.',
  })
  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Field(() => Deliverability, { description: 'Whether mail can reach it.' })
  @Column({ type: 'varchar', length: 32 })
  deliverability: Deliverability;

  @Field(() => Date, { description: 'When it was added (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;
}
