// A message one page hands to the next, read once: "Customer added" to the
// profile a dialog opens, "deleted" to the list a deleted record's page goes
// back to. Addressed to a record (its id) or to a list (no id).
export function flashMessage<T>() {
  let pending: { message: T; to: string | null } | null = null;
  return {
    set(message: T, to: string | null = null): void {
      pending = { message, to };
    },
    /** The message for this page, once. */
    take(to: string | null = null): T | null {
      if (!pending || pending.to !== to) return null;
      const { message } = pending;
      pending = null;
      return message;
    },
  };
}
