import { randomUUID } from 'node:crypto';
import { isStoreUnavailable, type MessageStore, messageStatuses } from '@reshaem/core';
import { createBackoff } from './backoff.js';
import { deliver, type Log } from './mailer.js';
import { removeUnattachedUploads, type UploadCleanup } from './upload-cleanup.js';
import { postToWebhook } from './webhook.js';

export interface WorkerOptions {
  store: MessageStore;
  /** The worker's clock. */
  now: () => Date;
  intervalMs: number;
  log: Log;
  /** Run on the interval (default); `false` leaves the ticking to the caller. */
  autoStart?: boolean;
  /** The longest pause between ticks while the database is unavailable; default 60 000. */
  maxBackoffMs?: number;
  /**
   * Names this worker in its timer and outbox claims, which `stop` releases: unique per
   * process by default, so that one portal's stop never releases another's claims.
   */
  workerId?: string;
  /** Remove uploads never attached to a message after a while; absent: keep them. */
  uploads?: UploadCleanup;
  /** Also POST every performed outbox entry here (see `postToWebhook`). */
  webhook?: string;
}

/** The in-process worker: call `tick` yourself, or let the interval do it. */
export interface Worker {
  /**
   * Fires the due timers, performs the pending outbox entries, then removes the uploads
   * left unattached too long.
   */
  tick(): Promise<void>;
  /**
   * Stops the interval, waits for a running tick to finish, and releases the claims this
   * worker still holds, so that a restart (or another worker) takes them at once.
   */
  stop(): Promise<void>;
}

/** Whether `stop` was called: a round ends its batch early, its claims left for release. */
type Stopping = () => boolean;

async function fireDueTimers(
  store: MessageStore,
  now: string,
  log: Log,
  workerId: string,
  stopping: Stopping,
): Promise<void> {
  while (!stopping()) {
    const run = await store.runDueTimers({ now, workerId });
    for (const { timer, message } of run.fired) {
      const { number } = message.snapshot.context;
      log(`[таймер] ${timer.event.type} → ${number}: ${messageStatuses[message.status].label}`);
    }
    if (run.claimed === 0) return;
  }
}

async function drainOutbox(
  store: MessageStore,
  now: string,
  log: Log,
  workerId: string,
  stopping: Stopping,
  webhook: string | undefined,
): Promise<void> {
  while (!stopping()) {
    const entries = await store.claimOutbox({ now, workerId });
    if (entries.length === 0) return;
    for (const entry of entries) {
      // The rest of the batch stays claimed until `stop` releases it: a stopping portal
      // does not wait for a whole batch of e-mails.
      if (stopping()) return;
      let settled: boolean;
      try {
        await deliver(store, entry, now, log);
        if (webhook !== undefined) await postToWebhook(webhook, entry);
        settled = await store.completeOutbox(entry);
      } catch (error) {
        const retryAt = new Date(Date.parse(now) + 60_000).toISOString();
        settled = await store.failOutbox(entry, String(error), retryAt);
      }
      // The lease ended and another worker claimed the entry: it is theirs to settle.
      if (!settled) log(`[почта] запись ${entry.id}: её уже взял другой обработчик`);
    }
  }
}

/**
 * Starts the timer worker and the demo mailer in this process: every `intervalMs` it fires
 * the timers that fell due (deadline warnings and breaches, the rating window, postponed
 * answers) through `store.runDueTimers`, then drains the outbox, then removes uploads left
 * unattached longer than `uploads.unattachedMs`. Ticks never overlap; a
 * failing tick is logged and the next one tries again. While the database is unavailable
 * the interval backs off (doubling up to `maxBackoffMs`), and returns to `intervalMs` with
 * the first tick that gets through.
 *
 * @example
 * const worker = startWorker({ store, now: () => new Date(), intervalMs: 5000, log: console.log });
 * await worker.stop();
 */
export function startWorker(options: WorkerOptions): Worker {
  const { store, log } = options;
  const workerId = options.workerId ?? `portal-${process.pid}-${randomUUID()}`;
  let running: Promise<void> | null = null;
  const backoff = createBackoff({
    baseMs: options.intervalMs,
    maxMs: options.maxBackoffMs ?? 60_000,
  });
  let stopped = false;
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      const now = options.now().toISOString();
      try {
        const stopping = () => stopped;
        await fireDueTimers(store, now, log, workerId, stopping);
        await drainOutbox(store, now, log, workerId, stopping, options.webhook);
        if (options.uploads) await removeUnattachedUploads(options.uploads, now, log, stopping);
        backoff.succeeded();
      } catch (error) {
        if (isStoreUnavailable(error)) {
          const delay = backoff.failed(performance.now());
          log(`[воркер] база недоступна (${error.reason}), следующая попытка через ${delay} мс`);
        } else {
          log(`[воркер] ошибка: ${error instanceof Error ? error.message : String(error)}`);
        }
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const interval =
    options.autoStart === false
      ? undefined
      : setInterval(() => {
          // Real time, not the worker's clock: the pause is between real attempts.
          if (backoff.ready(performance.now())) void tick();
        }, options.intervalMs);
  interval?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(interval);
      await running;
      try {
        await store.releaseClaims(workerId);
      } catch (error) {
        // The database is gone: the claims lapse with their leases instead.
        if (!isStoreUnavailable(error)) throw error;
        log(`[воркер] захваты не сняты: база недоступна (${error.reason})`);
      }
    },
  };
}
