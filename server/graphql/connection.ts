import { Field, ObjectType } from 'type-graphql';
import type { Page } from '../db/paging.js';

@ObjectType({
  simpleResolvers: true,
  description: 'Where a page stands in its list (Relay cursor connections). Lists page forward: `first` and `after`.',
})
export class PageInfo {
  @Field(() => Boolean, {
    description:
      'Whether more items follow this page: ask again with `after: endCursor`. With `first: 0` (no edges): whether any item follows the cursor.',
  })
  hasNextPage: boolean;

  @Field(() => Boolean, {
    description: 'Whether items come before this page. Lists page forward only, so this is true exactly when the request gave `after`.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null for an empty page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor, to pass as `after` for the next page; null for an empty page." })
  endCursor: string | null;
}

/** The edges and page info of a connection, each edge with the cursor of its node. */
export function connection<T>(page: Page<T>, cursorOf: (node: T) => string): { edges: { cursor: string; node: T }[]; pageInfo: PageInfo } {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
