import { type MessageStore, type StoreWriteResult, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { type DemoMessage, demoMessages } from './demo-messages.js';
import { seedDemoSettings } from './demo-settings.js';

/** What seeding did. */
export interface SeedReport {
  /** `false` when the database already held messages and nothing was written. */
  seeded: boolean;
  messages: number;
  /** Timers that fired while the demo clock ran up to `now`. */
  timersFired: number;
  /** Notifications of the seeded history, marked sent without sending. */
  notificationsSkipped: number;
}

interface Action {
  at: string;
  label: string;
  run: () => Promise<StoreWriteResult>;
}

const HOUR = 3_600_000;

/** Every write of every demo message, as one timeline. */
function timeline(store: MessageStore, messages: DemoMessage[], now: Date): Action[] {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const actions: Action[] = [];
  for (const message of messages) {
    const submitAt = at(message.hoursAgo);
    actions.push({
      at: submitAt,
      label: `${message.id} submit`,
      run: () =>
        store.submit({ type: 'submit', at: submitAt, messageId: message.id, ...message.submit }),
    });
    for (const { hoursAgo, ...event } of message.steps) {
      const stepAt = at(hoursAgo);
      actions.push({
        at: stepAt,
        label: `${message.id} ${event.type}`,
        run: () => store.send(message.id, { ...event, at: stepAt }),
      });
    }
  }
  // Stable: a message's own steps keep their order when two share an instant.
  return actions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Fires the timers due by `now`, in rounds until none is left. */
export async function fireTimersUntil(store: MessageStore, now: string): Promise<number> {
  let fired = 0;
  for (;;) {
    const run = await store.runDueTimers({ now, workerId: 'portal-seed' });
    fired += run.fired.length + run.firedCases.length;
    if (run.claimed === 0) return fired;
  }
}

/** Marks the seeded history's notifications sent: they describe the past, not news. */
export async function skipOutbox(store: MessageStore, now: string): Promise<number> {
  let skipped = 0;
  for (;;) {
    const entries = await store.claimOutbox({ now, limit: 100, workerId: 'portal-seed' });
    if (entries.length === 0) return skipped;
    for (const entry of entries) if (await store.completeOutbox(entry)) skipped += 1;
  }
}

/** Does the store hold any message at all? */
export async function hasMessages(store: MessageStore): Promise<boolean> {
  const page = await store.list(SYSTEM_PRINCIPAL, { limit: 1 });
  return page.items.length > 0;
}

/**
 * Fills an empty store with the demo messages by sending their real events through the
 * store, in time order, firing the timers that fall due on the way — as if the portal had
 * run for the last two weeks. Does nothing when the store already holds messages, so a
 * restart on the same data directory keeps what people did.
 *
 * @example
 * const report = await seedDemoMessages(store, new Date());
 * // { seeded: true, messages: 17, timersFired: 6, notificationsSkipped: 80 }
 */
export async function seedDemoMessages(store: MessageStore, now: Date): Promise<SeedReport> {
  if (await hasMessages(store)) {
    return { seeded: false, messages: 0, timersFired: 0, notificationsSkipped: 0 };
  }
  const messages = demoMessages(now);
  let timersFired = 0;
  for (const action of timeline(store, messages, now)) {
    timersFired += await fireTimersUntil(store, action.at);
    const result = await action.run();
    if (!result.ok) {
      throw new Error(`demo data: ${action.label} was refused: ${result.error.message}`);
    }
  }
  const nowIso = now.toISOString();
  timersFired += await fireTimersUntil(store, nowIso);
  const notificationsSkipped = await skipOutbox(store, nowIso);
  await seedDemoSettings(store);
  return { seeded: true, messages: messages.length, timersFired, notificationsSkipped };
}
