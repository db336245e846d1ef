import { UserInputError } from '../graphql/errors.js';
import { msg } from '../i18n/message.js';

/**
 * Paging, the same for every list (users, organizations, an organization's
 * users, events, and every list that comes next): `first` asks for a page
 * size (a default when left out, at most MAX_PAGE_SIZE, never negative),
 * `after` is an opaque cursor a previous page returned. Lists page forward
 * on a unique sort key; a cursor holds the key of the last row it stands for.
 * graphql/connection.ts turns a Page into a Relay connection.
 */
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

/** One page of rows, in list order. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** Forward paging: true when the page starts after a cursor, i.e. past earlier rows. */
  hasPreviousPage: boolean;
}

/** The size of a page: `fallback` when `first` is left out, at most MAX_PAGE_SIZE; a negative `first` is refused. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  if (first === null || first === undefined) return Math.min(fallback, MAX_PAGE_SIZE);
  if (first < 0) throw new UserInputError('first', msg('db.firstNegative'));
  return Math.min(first, MAX_PAGE_SIZE);
}

type KeyPart = 'int' | 'text';
type KeyOf<S extends readonly KeyPart[]> = { [I in keyof S]: S[I] extends 'int' ? number : string };

/**
 * The cursors of one list: `list` names it (a cursor of another list is
 * refused), `shape` the parts of its sort key. Opaque to clients (base64url).
 */
export function cursorCodec<const S extends readonly KeyPart[]>(list: string, shape: S) {
  const pattern = new RegExp(`^${list}:${shape.map((p) => (p === 'int' ? '(\\d{1,15})' : '([^\\u0000]*)')).join('\\u0000')}$`, 'u');
  return {
    encode(...key: KeyOf<S>): string {
      return Buffer.from(`${list}:${key.join('\u0000')}`).toString('base64url');
    },
    decode(cursor: string): KeyOf<S> {
      const m = pattern.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!m) throw new UserInputError('after', msg('db.cursorNotOnePaging', { list }));
      return shape.map((p, i) => (p === 'int' ? Number(m[i + 1]) : m[i + 1])) as KeyOf<S>;
    },
  };
}

/**
 * Reads a page: `read(limit, after)` returns rows in list order after the
 * decoded cursor (null: from the start), at most `limit`; one more row than
 * the page is read to know whether another page follows (for `first: 0` too:
 * an empty page whose hasNextPage tells whether any item follows).
 */
export async function readPage<T, K>(
  req: PageRequest,
  opts: { defaultSize: number; decode: (cursor: string) => K },
  read: (limit: number, after: K | null) => Promise<T[]>,
): Promise<Page<T>> {
  const size = pageSize(req.first, opts.defaultSize);
  const after = req.after ? opts.decode(req.after) : null;
  const hasPreviousPage = after !== null;
  // `first: 0` reads one row too: hasNextPage says whether anything follows the cursor, as for any page size.
  const rows = await read(size + 1, after);
  return { items: rows.slice(0, size), hasNextPage: rows.length > size, hasPreviousPage };
}
