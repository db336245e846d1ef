import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';
import { User } from '../users/user.entity.js';
import { UserWarning } from '../users/user.inputs.js';
import { SideConversation, SideConversationMessage, Ticket, TicketComment } from './ticket.entity.js';
import { TicketStatus } from './ticket-enums.js';

/** At most this many CCs, side-conversation participants, and people named in one write. */
export const MAX_PEOPLE = 50;

/** Warnings about one address named on a ticket: its deliverability's (reserved, no mail domain) and the block list's. */
const WARNINGS_PER_ADDRESS = 2;

@InputType({
  description:
    "A person on a ticket: `id` of an existing user, or `email` (any of someone's addresses, any letter case) with an optional `name`. An address that belongs to nobody makes a new end user.",
})
export class UserRefInput {
  @Field(() => ID, { nullable: true, description: 'An existing user.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'An email address; reserved ones (name@example.invalid) are accepted with a warning.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "The new user's name when the address belongs to nobody (else the address's local part)." })
  name?: string | null;
}

@InputType({ description: 'A new ticket, written by an agent or a partner app on behalf of its requester.' })
export class CreateTicketInput {
  @Field(() => String, { description: 'One line, 1 to 255 characters.' })
  subject: string;

  @Field(() => String, { description: 'The first comment (public), up to 65,535 characters.' })
  comment: string;

  @Field(() => UserRefInput, { description: 'Who the ticket is for; a new address makes an end user (createdVia TICKET).' })
  requester: UserRefInput;

  @Field(() => [UserRefInput], {
    nullable: true,
    description: `People copied on it (at most ${MAX_PEOPLE}); new addresses make end users (createdVia CC).`,
  })
  ccs?: UserRefInput[] | null;

  @Field(() => TicketStatus, { nullable: true, description: 'NEW when not given.' })
  status?: TicketStatus | null;
}

@InputType({ description: 'Changes to a ticket: only the fields given change.' })
export class UpdateTicketInput {
  @Field(() => String, { nullable: true, description: 'A new subject.' })
  subject?: string | null;

  @Field(() => TicketStatus, { nullable: true, description: 'A new status.' })
  status?: TicketStatus | null;

  @Field(() => UserRefInput, { nullable: true, description: 'A new requester; a new address makes an end user (createdVia TICKET).' })
  requester?: UserRefInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true takes the hold off a held ticket (held: SUSPENDED or UNVERIFIED): it is worked as any other.',
  })
  release?: boolean | null;
}

@InputType({ description: 'A comment on a ticket.' })
export class AddTicketCommentInput {
  @Field(() => String, { description: 'The text, up to 65,535 characters.' })
  body: string;

  @Field(() => Boolean, { nullable: true, description: 'true (the default): the requester and CCs see it; false: an internal note.' })
  public?: boolean | null;
}

@InputType({ description: 'A side conversation about a ticket, with its first message.' })
export class StartSideConversationInput {
  @Field(() => ID, { description: 'The ticket it is about.' })
  ticketId: string;

  @Field(() => String, { description: 'One line, 1 to 255 characters.' })
  subject: string;

  @Field(() => String, { description: 'The first message, up to 65,535 characters.' })
  message: string;

  @Field(() => [UserRefInput], {
    description: `Who it is with (1 to ${MAX_PEOPLE}); new addresses make end users (createdVia SIDE_CONVERSATION, tagged created_for_side_conversation).`,
  })
  to: UserRefInput[];
}

@InputType({ description: 'A message to add to a side conversation; it is emailed to its participants.' })
export class AddSideConversationMessageInput {
  @Field(() => ID, { description: 'The side conversation.' })
  sideConversationId: string;

  @Field(() => String, { description: 'The message, up to 65,535 characters.' })
  message: string;
}

@InputType({ description: 'A request sent with the public Submit a request form.' })
export class SubmitRequestInput {
  @Field(() => String, { description: 'Your name, 1 to 255 characters.' })
  name: string;

  @Field(() => String, { description: 'Your email address.' })
  email: string;

  @Field(() => String, { description: 'One line, 1 to 255 characters.' })
  subject: string;

  @Field(() => String, { description: 'What you need, up to 65,535 characters.' })
  description: string;

  @Field(() => String, {
    nullable: true,
    description: 'Leave empty. (A field people do not see: a bot that fills it is answered as usual and ignored.)',
  })
  website?: string | null;
}

@ObjectType({ description: 'The ticket created, the people made for it, and anything worth knowing.' })
export class CreateTicketPayload {
  @Field(() => Ticket, { description: 'The new ticket.' })
  ticket: Ticket;

  @Field(() => [User], { description: 'End users made for this ticket (requester or CCs whose address belonged to nobody).' })
  @listSize({ kind: 'bound', max: MAX_PEOPLE + 1 })
  createdUsers: User[];

  @Field(() => [UserWarning], {
    description:
      'Warnings about the addresses given (not people named by id), e.g. one that is never mailed, or BLOCKED_ADDRESS for one on the block list (its field: requester.email, ccs.2.email…).',
  })
  @listSize({ kind: 'bound', max: WARNINGS_PER_ADDRESS * (MAX_PEOPLE + 1) })
  warnings: UserWarning[];
}

@ObjectType({ description: 'The ticket after a CC was added or removed, and the user made for it, if any.' })
export class TicketCcPayload {
  @Field(() => Ticket, { description: 'The ticket.' })
  ticket: Ticket;

  @Field(() => User, { nullable: true, description: 'The end user made for this CC (createdVia CC); null when the address was known.' })
  createdUser: User | null;

  @Field(() => [UserWarning], {
    description:
      'Warnings about the address given (not a person named by id), e.g. one that is never mailed, or BLOCKED_ADDRESS for one on the block list.',
  })
  @listSize({ kind: 'bound', max: WARNINGS_PER_ADDRESS })
  warnings: UserWarning[];
}

@ObjectType({ description: 'The comment added and its ticket.' })
export class AddTicketCommentPayload {
  @Field(() => Ticket, { description: 'The ticket.' })
  ticket: Ticket;

  @Field(() => TicketComment, { description: 'The new comment.' })
  comment: TicketComment;
}

@ObjectType({ description: 'The side conversation started, and the people made for it.' })
export class StartSideConversationPayload {
  @Field(() => SideConversation, { description: 'The new side conversation.' })
  sideConversation: SideConversation;

  @Field(() => [User], { description: 'End users made for it (createdVia SIDE_CONVERSATION).' })
  @listSize({ kind: 'bound', max: MAX_PEOPLE })
  createdUsers: User[];

  @Field(() => [UserWarning], {
    description:
      'Warnings about the addresses given (not people named by id), e.g. one that is never mailed, or BLOCKED_ADDRESS for one on the block list (field: to.0.email…).',
  })
  @listSize({ kind: 'bound', max: WARNINGS_PER_ADDRESS * MAX_PEOPLE })
  warnings: UserWarning[];
}

@ObjectType({ description: 'The message added to a side conversation, and the side conversation.' })
export class AddSideConversationMessagePayload {
  @Field(() => SideConversation, { description: 'The side conversation, with the new message last.' })
  sideConversation: SideConversation;

  @Field(() => SideConversationMessage, { description: 'The new message.' })
  message: SideConversationMessage;
}

@ObjectType({ description: 'The answer of the web form: the same whatever the address, so that nobody learns who has an account.' })
export class SubmitRequestPayload {
  @Field(() => Boolean, { description: 'Always true.' })
  received: boolean;
}

@ObjectType({ description: 'A ticket, with its place in the list.' })
export class TicketEdge {
  @Field(() => String, { description: 'Pass as `after` to read the tickets after this one.' })
  cursor: string;

  @Field(() => Ticket, { description: 'The ticket.' })
  node: Ticket;
}

@ObjectType({ description: 'A page of tickets, newest first.' })
export class TicketConnection {
  @Field(() => [TicketEdge], { description: 'The tickets of this page.' })
  @listSize({ kind: 'edges' })
  edges: TicketEdge[];

  @Field(() => PageInfo, { description: 'Whether more tickets follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many tickets match, over all pages.' })
  totalCount: number;
}

@ObjectType({ description: 'A comment, with its place in the conversation.' })
export class TicketCommentEdge {
  @Field(() => String, { description: 'Pass as `after` to read the comments after this one.' })
  cursor: string;

  @Field(() => TicketComment, { description: 'The comment.' })
  node: TicketComment;
}

@ObjectType({ description: 'A page of comments, oldest first.' })
export class TicketCommentConnection {
  @Field(() => [TicketCommentEdge], { description: 'The comments of this page.' })
  @listSize({ kind: 'edges' })
  edges: TicketCommentEdge[];

  @Field(() => PageInfo, { description: 'Whether more comments follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many comments the person asking may see, over all pages.' })
  totalCount: number;
}
