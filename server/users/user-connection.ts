import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { User } from './user.entity.js';
import type { UserFilter, UserPage } from './user-search.js';
import { connection } from '../graphql/connection.js';
import { listSize } from '../graphql/list-size.js';

@ObjectType({ simpleResolvers: true, description: 'A user, with its place in the list.' })
export class UserEdge {
  @Field(() => String, { description: 'Pass as `after` to read the users after this one.' })
  cursor: string;

  @Field(() => User, { description: 'The user.' })
  node: User;
}

@ObjectType({ description: 'A page of users: the best matches of a search first, else newest first, unless a sort was asked for.' })
export class UserConnection {
  @Field(() => [UserEdge], { description: 'The users of this page.' })
  @listSize({ kind: 'edges' })
  edges: UserEdge[];

  @Field(() => PageInfo, { description: 'Whether more users follow, and where to continue.' })
  pageInfo: PageInfo;

  /** Resolved only when asked for (see UserConnectionResolver). */
  query: string | null;
  filter?: UserFilter;
  /** Known when the page is the whole list (users by ids or external ids), or when its query counted the matches. */
  total?: number;
}

/** The connection of a page of users (each edge with the cursor its list's order gives it). */
export function userConnection(page: UserPage, filter: UserFilter | undefined): UserConnection {
  const cursors = new Map(page.items.map((u, i) => [u, page.cursors[i]]));
  return Object.assign(new UserConnection(), {
    ...connection(page, (u) => cursors.get(u)!),
    query: page.query,
    filter,
    ...(page.total === undefined ? {} : { total: page.total }),
  });
}
