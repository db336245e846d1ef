// Only the latest of several requests counts: the answer to an older one (a
// search typed over, a record left for another) is dropped.
export function latestRequest() {
  let latest = 0;
  return {
    /** Starts a request; the function returned tells whether it is still the latest. */
    start(): () => boolean {
      const mine = ++latest;
      return () => mine === latest;
    },
    /** Forgets every request on its way. */
    cancel(): void {
      latest += 1;
    },
  };
}
