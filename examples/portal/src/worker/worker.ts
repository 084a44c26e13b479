import { type MessageStore, messageStatuses } from '@reshaem/core';
import { deliver, type Log } from './mailer.js';

export interface WorkerOptions {
  store: MessageStore;
  /** The worker's clock. */
  now: () => Date;
  intervalMs: number;
  log: Log;
  /** Run on the interval (default); `false` leaves the ticking to the caller. */
  autoStart?: boolean;
}

/** The in-process worker: call `tick` yourself, or let the interval do it. */
export interface Worker {
  /** Fires the due timers, then performs the pending outbox entries. */
  tick(): Promise<void>;
  /** Stops the interval and waits for a running tick to finish. */
  stop(): Promise<void>;
}

const WORKER_ID = 'portal-worker';

async function fireDueTimers(store: MessageStore, now: string, log: Log): Promise<void> {
  for (;;) {
    const run = await store.runDueTimers({ now, workerId: WORKER_ID });
    for (const { timer, message } of run.fired) {
      const { number } = message.snapshot.context;
      log(`[таймер] ${timer.event.type} → ${number}: ${messageStatuses[message.status].label}`);
    }
    if (run.claimed === 0) return;
  }
}

async function drainOutbox(store: MessageStore, now: string, log: Log): Promise<void> {
  for (;;) {
    const entries = await store.claimOutbox({ now, workerId: WORKER_ID });
    if (entries.length === 0) return;
    for (const entry of entries) {
      try {
        await deliver(store, entry, now, log);
        await store.completeOutbox(entry);
      } catch (error) {
        const retryAt = new Date(Date.parse(now) + 60_000).toISOString();
        await store.failOutbox(entry, String(error), retryAt);
      }
    }
  }
}

/**
 * Starts the timer worker and the demo mailer in this process: every `intervalMs` it fires
 * the timers that fell due (deadline warnings and breaches, the rating window, postponed
 * answers) through `store.runDueTimers`, then drains the outbox. Ticks never overlap; a
 * failing tick is logged and the next one tries again.
 *
 * @example
 * const worker = startWorker({ store, now: () => new Date(), intervalMs: 5000, log: console.log });
 * await worker.stop();
 */
export function startWorker(options: WorkerOptions): Worker {
  const { store, log } = options;
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      const now = options.now().toISOString();
      try {
        await fireDueTimers(store, now, log);
        await drainOutbox(store, now, log);
      } catch (error) {
        log(`[воркер] ошибка: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const interval =
    options.autoStart === false ? undefined : setInterval(() => void tick(), options.intervalMs);
  interval?.unref();
  return {
    tick,
    async stop() {
      clearInterval(interval);
      await running;
    },
  };
}
