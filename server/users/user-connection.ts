import { Field, Int, ObjectType } from 'type-graphql';
import { User } from './user.entity.js';
import type { UserFilter } from './user-search.js';

@ObjectType({ simpleResolvers: true })
export class UserEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => User)
  node: User;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of users, newest first.' })
export class UserConnection {
  @Field(() => [UserEdge])
  edges: UserEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Resolved only when asked for (see UserConnectionResolver). */
  query: string | null;
  filter?: UserFilter;
}
