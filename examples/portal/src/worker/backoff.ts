/** When the worker may tick again after its store was unavailable. */
export interface Backoff {
  /** May a tick run at `nowMs`? */
  ready(nowMs: number): boolean;
  /** A tick found the store unavailable at `nowMs`: the wait before the next one, in ms. */
  failed(nowMs: number): number;
  /** A tick got through: back to the normal interval. */
  succeeded(): void;
}

/**
 * Exponential back-off for a worker whose database is down: the first failure waits one
 * interval, each further one twice as long, up to `maxMs`; a success resets it. A worker
 * so paced does not hammer a database that is restarting, and resumes within `maxMs` of
 * its return.
 *
 * @example
 * const backoff = createBackoff({ baseMs: 5_000, maxMs: 60_000 });
 * if (backoff.ready(performance.now())) await tick(); // on failure: backoff.failed(performance.now())
 */
export function createBackoff({ baseMs, maxMs }: { baseMs: number; maxMs: number }): Backoff {
  let failures = 0;
  let until = 0;
  return {
    ready: (nowMs) => nowMs >= until,
    failed(nowMs) {
      failures += 1;
      const delay = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
      until = nowMs + delay;
      return delay;
    },
    succeeded() {
      failures = 0;
      until = 0;
    },
  };
}
