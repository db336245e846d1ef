import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { OPEN } from '../auth/policy.js';
import { BIN, MEDIUMTEXT, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from '../users/user.entity.js';
import { TicketStatus, TicketVia } from './ticket-enums.js';
import { TicketHold } from '../settings/request-access.js';
import { ticketPolicy } from './ticket.policy.js';

const REFERENCES_USER = { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' } as const;

/**
 * A ticket: what someone asked, with its comments, CCs and side
 * conversations. The entity doubles as the GraphQL type (only @Field members
 * are exposed); every field but the id is read under ticketPolicy.read, so an
 * end user sees only the tickets they requested or are copied on, however
 * they are reached. `ccIds` is loaded with the ticket for that rule.
 */
@Entity('tickets')
@Index('ix_tickets_requester', ['requesterId', 'id'])
@Index('ix_tickets_status', ['status', 'id'])
@ObjectType('Ticket', { description: 'A request from an end user, with its conversation.' })
@Authorized(ticketPolicy.read)
export class Ticket {
  @Field(() => ID, { description: 'Identifies the ticket; mail about it carries [#id] in its subject.' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => String, { description: 'One line, 1 to 255 characters.' })
  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Field(() => TicketStatus, { description: 'Where the ticket stands.' })
  @Column({ type: 'varchar', length: 16 })
  status: TicketStatus;

  @Field(() => TicketVia, { description: 'How the ticket came in.' })
  @Column({ type: 'varchar', length: 16 })
  via: TicketVia;

  /** Resolved as `requester`. */
  @Column({ name: 'requester_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_tickets_requester', ...REFERENCES_USER })
  requesterId: number;

  /** Resolved as `submitter`: who wrote it in (the requester, or the agent acting for them); null for a token's or the system's. */
  @Column({ name: 'submitter_id', type: 'int', nullable: true })
  submitterId: number | null;

  /**
   * Moderation information (who is suspended, who has not verified): read
   * under tickets.list like the history and the side conversations, so an end
   * user reading their own ticket gets FORBIDDEN on this field, however the
   * ticket is reached (ticket(id), requestedTickets, ccTickets, a payload).
   */
  @Field(() => TicketHold, {
    nullable: true,
    description:
      'Why the ticket waits instead of being worked (null: it does not): the block list held it, its requester is suspended, or has not verified yet. ' +
      'Agents and admins: for an end user reading their own ticket, FORBIDDEN.',
  })
  @Authorized(ticketPolicy.list)
  @Column({ type: 'varchar', length: 16, nullable: true })
  held: TicketHold | null;

  @Field(() => Date, { description: 'When it was created (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Field(() => Date, { description: 'When it last changed, a comment included (UTC).' })
  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;

  /** Who is copied: read with the ticket, for the read rule. */
  ccIds?: number[];
}

/** Someone copied on a ticket. */
@Entity('ticket_ccs')
@Index('ix_ticket_ccs_user', ['userId', 'ticketId'])
export class TicketCc {
  @PrimaryColumn({ name: 'ticket_id', type: 'int' })
  @ForeignKey(() => Ticket, { name: 'fk_ticket_ccs_ticket', ...OWNED_BY })
  ticketId: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_ticket_ccs_user', ...OWNED_BY })
  userId: number;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}

/** A comment: public (the requester and CCs see it) or an internal note (staff only). */
@Entity('ticket_comments')
@Index('ix_ticket_comments_ticket', ['ticketId', 'id'])
@Index('ux_ticket_comments_message_id', ['messageId'], { unique: true })
@ObjectType('TicketComment', { description: 'A public comment or an internal note on a ticket.' })
@Authorized(ticketPolicy.readComment)
export class TicketComment {
  @Field(() => ID, { description: 'Identifies the comment.' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'ticket_id', type: 'int' })
  @ForeignKey(() => Ticket, { name: 'fk_ticket_comments_ticket', ...OWNED_BY })
  ticketId: number;

  /** Resolved as `author`. */
  @Column({ name: 'author_id', type: 'int', nullable: true })
  authorId: number | null;

  @Field(() => String, { description: 'The text, up to 65,535 characters (mail comes in as its text; HTML-only mail as the text of its HTML).' })
  @Column({ ...MEDIUMTEXT })
  body: string;

  @Field(() => Boolean, { description: 'true: the requester and CCs see it; false: an internal note, for agents and admins only.' })
  @Column({ name: 'is_public', type: 'boolean' })
  public: boolean;

  @Field(() => TicketVia, { description: 'How the comment came in.' })
  @Column({ type: 'varchar', length: 16 })
  via: TicketVia;

  /** The Message-ID of the mail it came from (replies may name it), as message-ids.ts keeps it: unique, one mail makes one comment. */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true, ...BIN })
  messageId: string | null;

  /** File names of the mail's attachments, as JSON (listed, not stored yet). */
  @Column({ ...MEDIUMTEXT, nullable: true })
  attachments: string | null;

  @Field(() => Date, { description: 'When it was written (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}

/** A conversation an agent starts about a ticket with other people (a supplier, another team), apart from the requester. */
@Entity('side_conversations')
@Index('ix_side_conversations_ticket', ['ticketId', 'id'])
@ObjectType('SideConversation', { description: 'A conversation about a ticket with other people, apart from the requester. Agents and admins.' })
@Authorized(ticketPolicy.list)
export class SideConversation {
  @Field(() => ID, { description: 'Identifies the side conversation.' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'ticket_id', type: 'int' })
  @ForeignKey(() => Ticket, { name: 'fk_side_conversations_ticket', ...OWNED_BY })
  ticketId: number;

  @Field(() => String, { description: 'One line, 1 to 255 characters.' })
  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ name: 'created_by_id', type: 'int', nullable: true })
  createdById: number | null;

  @Field(() => Date, { description: 'When it was started (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}

/** Someone a side conversation is with. */
@Entity('side_conversation_participants')
@Index('ix_side_conversation_participants_user', ['userId'])
export class SideConversationParticipant {
  @PrimaryColumn({ name: 'side_conversation_id', type: 'int' })
  @ForeignKey(() => SideConversation, { name: 'fk_side_conversation_participants_conversation', ...OWNED_BY })
  sideConversationId: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_side_conversation_participants_user', ...OWNED_BY })
  userId: number;
}

/** A message of a side conversation. */
@Entity('side_conversation_messages')
@Index('ix_side_conversation_messages_conversation', ['sideConversationId', 'id'])
@Index('ux_side_conversation_messages_message_id', ['messageId'], { unique: true })
@ObjectType('SideConversationMessage', { description: 'A message of a side conversation.' })
@Authorized(ticketPolicy.list)
export class SideConversationMessage {
  @Field(() => ID, { description: 'Identifies the message.' })
  @Authorized(OPEN)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'side_conversation_id', type: 'int' })
  @ForeignKey(() => SideConversation, { name: 'fk_side_conversation_messages_conversation', ...OWNED_BY })
  sideConversationId: number;

  @Column({ name: 'author_id', type: 'int', nullable: true })
  authorId: number | null;

  @Field(() => String, { description: 'The text, up to 65,535 characters (a reply by email comes in as its text).' })
  @Column({ ...MEDIUMTEXT })
  body: string;

  /** The Message-ID of the mail it came in as, as message-ids.ts keeps it (unique: a second delivery adds nothing; replies may name it). */
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true, ...BIN })
  messageId: string | null;

  @Field(() => Date, { description: 'When it was written (UTC).' })
  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;
}
