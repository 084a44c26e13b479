import type { MessageStore } from '@reshaem/core';
import {
  indicatorHistories,
  NOW,
} from '../../../packages/core/test/store-contract/indicator-histories.js';

/** The instant the dashboard's figures are counted at: 10.02.2025 12:00 in Kamchatka. */
export const LIVES_NOW = new Date(NOW);

/**
 * The core's hand-built indicator lives, written as a running portal would have lived them:
 * every submit and event in the order of its instant, the due timers fired before each one
 * and up to `LIVES_NOW` at the end, so «Просрочено» and «Скоро срок» are marked as the
 * worker marks them.
 */
export async function liveIndicatorHistories(store: MessageStore): Promise<void> {
  type Entry = { at: string; run: () => Promise<unknown> };
  const entries: Entry[] = [];
  for (const { submit, steps } of indicatorHistories) {
    const id = submit.messageId as string;
    entries.push({ at: submit.at as string, run: () => store.submit(submit) });
    for (const step of steps) {
      entries.push({ at: step.at, run: () => store.send(id, step) });
    }
  }
  const fireUntil = async (now: string) => {
    for (;;) {
      const run = await store.runDueTimers({ now, workerId: 'dashboard-test' });
      if (run.claimed === 0) return;
    }
  };
  for (const entry of entries.sort((a, b) => a.at.localeCompare(b.at))) {
    await fireUntil(entry.at);
    const result = (await entry.run()) as { ok: boolean; error?: { message: string } };
    if (!result.ok) throw new Error(`at ${entry.at}: ${result.error?.message}`);
  }
  await fireUntil(LIVES_NOW.toISOString());
}
