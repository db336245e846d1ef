import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MEDIUMTEXT, TIMESTAMP } from '../db/columns.js';
import { OPEN } from '../auth/policy.js';
import { listSize } from '../graphql/list-size.js';
import { MAX_LIST_ENTRIES } from './access-lists.js';
import { RequestAccess } from './request-access.js';
import { settingsPolicy } from './settings.policy.js';

/**
 * The desk's settings: one row (id 1), made by the migration. Doubles as the
 * GraphQL type: only @Field members are exposed (never the signing secret).
 * Staff read them (agents need the rules they work under); admins change them.
 */
@Entity('settings')
@ObjectType('Settings', { description: 'Who may sign up, sign in and ask for help, and the welcome email. Agents and admins read; admins change.' })
@Authorized(settingsPolicy.read)
export class SettingsEntity {
  @Field(() => ID, { description: 'Always 1: there is one set of settings.' })
  @Authorized(OPEN)
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: 'Increases with every change; updateSettings may name the version it read.' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => RequestAccess, { description: 'Who may submit requests (web form, email, signed in).' })
  @Column({ name: 'request_access', type: 'varchar', length: 16 })
  requestAccess: RequestAccess;

  @Field(() => Boolean, { description: 'Whether visitors may sign up in the help center (name and email).' })
  @Column({ name: 'help_center_sign_up', type: 'boolean' })
  helpCenterSignUp: boolean;

  @Field(() => Boolean, {
    description: 'End users must verify their address before they sign in; under REGISTERED, requests from unverified accounts wait too.',
  })
  @Column({ name: 'require_verification', type: 'boolean' })
  requireVerification: boolean;

  @Field(() => Boolean, { description: 'Send the welcome email when an agent, an admin or a partner app adds someone.' })
  @Column({ name: 'welcome_on_agent_create', type: 'boolean' })
  welcomeOnAgentCreate: boolean;

  @Field(() => Boolean, {
    description: 'Agents may delete customers (to Deleted customers, restorable). Admins always may; only admins delete permanently.',
  })
  @Column({ name: 'agents_may_delete_users', type: 'boolean' })
  agentsMayDeleteUsers: boolean;

  @Field(() => Boolean, {
    description:
      'Mail the requester that their request arrived (TICKET_RECEIVED) when they write in by the web form, the help center or email; never for held requests.',
  })
  @Column({ name: 'acknowledge_requests', type: 'boolean' })
  acknowledgeRequests: boolean;

  @Field(() => String, { description: 'Subject of the welcome email; placeholders {{name}}, {{verify_link}}, {{desk_name}}.' })
  @Column({ name: 'welcome_subject', type: 'varchar', length: 255 })
  welcomeSubject: string;

  @Field(() => String, { description: 'Body of the welcome email (plain text); same placeholders.' })
  @Column({ name: 'welcome_body', ...MEDIUMTEXT })
  welcomeBody: string;

  @Field(() => String, { description: "The desk's name, as mail and the help center show it." })
  @Column({ name: 'desk_name', type: 'varchar', length: 100 })
  deskName: string;

  /** One normalized entry a line; resolved as a list. */
  @Column({ name: 'allow_list', ...MEDIUMTEXT })
  allowListText: string;

  @Column({ name: 'block_list', ...MEDIUMTEXT })
  blockListText: string;

  /** The key that signs verification and reset links (never exposed). */
  @Column({ name: 'signing_secret', type: 'varchar', length: 100 })
  signingSecret: string;

  @Field(() => Date, { description: 'When they last changed (UTC).' })
  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;

  @Field(() => [String], { description: 'Domains and addresses always allowed (they win over the block list).' })
  @listSize({ kind: 'bound', max: MAX_LIST_ENTRIES })
  get allowList(): string[] {
    return this.allowListText ? this.allowListText.split('\n') : [];
  }

  @Field(() => [String], {
    description: 'Domains and addresses held for review; reject: refuses outright, suspend: holds, * holds everyone not allowed.',
  })
  @listSize({ kind: 'bound', max: MAX_LIST_ENTRIES })
  get blockList(): string[] {
    return this.blockListText ? this.blockListText.split('\n') : [];
  }
}
