import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';

@ObjectType({ description: 'Who deleted an account.' })
export class DeletedBy {
  @Field(() => ID, { description: 'Their account.' })
  id: string;

  @Field(() => String, { description: 'Their name.' })
  name: string;
}

@ObjectType({ description: 'An end user in Deleted customers: restorable until `eraseAfter`, when their personal data is erased.' })
export class DeletedUser {
  @Field(() => ID, { description: 'The account (restoreUser and eraseUser take it).' })
  id: string;

  @Field(() => String, { description: 'Their name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Their primary email address (still reserved for them).' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Their primary phone number.' })
  phone: string | null;

  @Field(() => Date, { description: 'When they were deleted (UTC).' })
  deletedAt: Date;

  @Field(() => DeletedBy, { nullable: true, description: 'Who deleted them (null: the system, or an account erased since).' })
  deletedBy: DeletedBy | null;

  @Field(() => Date, { description: 'When their personal data will be erased (UTC), unless restored before.' })
  eraseAfter: Date;
}

@ObjectType({ description: 'A deleted customer with its place in the list.' })
export class DeletedUserEdge {
  @Field(() => String, { description: 'Pass as `after` to read the ones after this one.' })
  cursor: string;

  @Field(() => DeletedUser, { description: 'The deleted customer.' })
  node: DeletedUser;
}

@ObjectType({ description: 'A page of deleted customers, most recently deleted first.' })
export class DeletedUserConnection {
  @Field(() => [DeletedUserEdge], { description: 'The deleted customers of this page.' })
  @listSize({ kind: 'edges' })
  edges: DeletedUserEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and where to continue.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many deleted customers there are, over all pages.' })
  totalCount: number;
}
