import { Extensions } from 'type-graphql';

/**
 * How many items a list field can answer, declared once on the field and read
 * from the schema by the cost limit (cost-limit.ts). A test checks that every
 * list field of the schema declares one.
 */
export type ListSize =
  /**
   * A list or a connection sized by this field's `first` argument (the schema's default when it is left out), capped at `max`;
   * when one of the list arguments `keys` is given instead (users(ids:)), one item per element it holds, capped at `max`.
   */
  | { kind: 'page'; max: number; keys?: string[] }
  /** A connection's edges: as many as the page size of the field that holds the connection. */
  | { kind: 'edges' }
  /** An unpaged list of at most `max` items (a rule of the service, or a declared bound). */
  | { kind: 'bound'; max: number }
  /** One item per element of a list argument (a bulk write's `inputs`), at most `max`. */
  | { kind: 'inputs'; argument: string; max: number }
  /** One item per custom field definition: the active ones, all of them, or as the `active` argument says (read per request). */
  | { kind: 'definitions'; which: 'active' | 'all' | 'argument' }
  /** The options of the custom field in scope: all of them, or those a value can hold (1 for a drop-down); outside a field, `max`. */
  | { kind: 'options'; of: 'all' | 'chosen'; max: number };

export const LIST_SIZE = 'listSize';

export const listSize = (size: ListSize) => Extensions({ [LIST_SIZE]: size });
