import { Field, ID, Int, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity.js';
import { PageInfo } from '../graphql/connection.js';

@ObjectType({ description: 'One changed field. Notes, details and passwords are recorded as changed, without their text.' })
export class FieldChange {
  @Field(() => String)
  field: string;

  @Field(() => String, { nullable: true })
  oldValue: string | null;

  @Field(() => String, { nullable: true })
  newValue: string | null;

  @Field(() => Boolean)
  redacted: boolean;
}

@ObjectType({ description: 'Who made a change: a person, an API token (acting for its creator), or the system.' })
export class EventActor {
  @Field(() => String, { description: 'USER | TOKEN | SYSTEM' })
  kind: string;

  /** Resolved from userId by the resolver. */
  userId: number | null;

  @Field(() => String, { nullable: true })
  tokenName: string | null;
}

@ObjectType({ description: 'An entry of the audit trail.' })
export class UserEvent {
  @Field(() => ID)
  id: number;

  @Field(() => String, { description: 'CREATED | UPDATED | ROLE_CHANGED | SUSPENDED | UNSUSPENDED | DELETED | PASSWORD_CHANGED' })
  action: string;

  @Field(() => String, { description: 'ADMIN_APP | API | IMPORT | SYSTEM' })
  source: string;

  @Field(() => EventActor)
  actor: EventActor;

  @Field(() => [FieldChange])
  changes: FieldChange[];

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType()
export class UserEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => UserEvent)
  node: UserEvent;
}

@ObjectType()
export class UserEventConnection {
  @Field(() => [UserEventEdge])
  edges: UserEventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

export { User };
