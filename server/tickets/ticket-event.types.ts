import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';
import { AuditSource, EventActor, FieldChange } from '../audit/audit.types.js';
import { TicketEventAction } from './ticket-enums.js';

@ObjectType({ description: 'An entry of the history of a ticket.' })
export class TicketEvent {
  @Field(() => ID, { description: 'Identifies the entry.' })
  id: number;

  @Field(() => TicketEventAction, { description: 'What happened.' })
  action: TicketEventAction;

  @Field(() => AuditSource, { description: 'Where the change came from (ADMIN_APP, API, WEB_FORM, EMAIL…).' })
  source: AuditSource;

  @Field(() => EventActor, { description: 'Who made the change.' })
  actor: EventActor;

  @Field(() => [FieldChange], {
    description: "What changed: subject, status, requester, ccs, comment… The people's names need USERS_READ (for a token): without it, redacted.",
  })
  @listSize({ kind: 'bound', max: 10 })
  changes: FieldChange[];

  @Field(() => Date, { description: 'When it happened (UTC).' })
  createdAt: Date;
}

@ObjectType({ description: 'An entry of the history of a ticket, with its place in the list.' })
export class TicketEventEdge {
  @Field(() => String, { description: 'Pass as `after` to read the entries after this one.' })
  cursor: string;

  @Field(() => TicketEvent, { description: 'The entry.' })
  node: TicketEvent;
}

@ObjectType({ description: 'A page of the history of a ticket, newest first.' })
export class TicketEventConnection {
  @Field(() => [TicketEventEdge], { description: 'The entries of this page.' })
  @listSize({ kind: 'edges' })
  edges: TicketEventEdge[];

  @Field(() => PageInfo, { description: 'Whether more entries follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many entries the history holds, over all pages.' })
  totalCount: number;
}
