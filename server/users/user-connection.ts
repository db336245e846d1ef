import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { User } from './user.entity.js';
import type { UserFilter } from './user-search.js';

@ObjectType({ simpleResolvers: true })
export class UserEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => User)
  node: User;
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
