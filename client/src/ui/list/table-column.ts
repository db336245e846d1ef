// A column of a DataTable (and so of a CursorList).

/** What a cell shows when its slot is not given: the row's property named by the column's key. */
export function cellText(row: unknown, key: string): unknown {
  return (row as Record<string, unknown>)[key];
}

export interface TableColumn {
  /** Names the cell slot (`cell-<key>`) and the cells' `data-column`. */
  key: string;
  label: string;
  /** The cell that names the row; on a narrow screen, the card's title. */
  primary?: boolean;
  /** A header only screen readers read (e.g. the actions column). */
  hiddenLabel?: boolean;
  /** Numbers, dates, actions: aligned to the end. */
  end?: boolean;
  /** On a narrow screen: in the card's top-right corner, without its label. */
  corner?: boolean;
  /** Classes of the column's cells, header included. */
  class?: string;
}
