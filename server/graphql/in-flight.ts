import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The GraphQL operations under way in this process, so that a stop waits for
 * them before the database closes. Closing the HTTP server waits for its
 * connections, but an operation whose client hung up (a proxy's timeout, a
 * closed tab) goes on running after its connection is gone: without this wait
 * it met a closed pool ("Pool is closed"), and a write it was making was
 * rolled back although it had been accepted.
 */
export class OperationsInFlight {
  private count = 0;
  private waiting: (() => void)[] = [];

  /** Counts each operation from the start of Apollo's request pipeline to its answer (errors included). */
  plugin<T extends object>(): ApolloServerPlugin<T> {
    return {
      requestDidStart: async () => {
        this.count++;
        let ended = false;
        return {
          willSendResponse: async () => {
            if (ended) return;
            ended = true;
            this.count--;
            if (this.count === 0) for (const done of this.waiting.splice(0)) done();
          },
        };
      },
    };
  }

  /** Resolves once none is under way, or after `timeoutMs` (a stop must not hang on a stuck operation). */
  drained(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((ok) => {
      const timer = setTimeout(ok, timeoutMs);
      timer.unref();
      this.waiting.push(() => {
        clearTimeout(timer);
        ok();
      });
    });
  }
}
