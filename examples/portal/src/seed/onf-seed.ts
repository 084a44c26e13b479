import {
  type CaseStore,
  type CaseWriteResult,
  type MessageStore,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { kamchatkaCases } from './onf-cards-41.js';
import { ulyanovskCases } from './onf-cards-73.js';
import type { DemoCase } from './onf-steps.js';
import { fireTimersUntil, skipOutbox } from './seed.js';

/** What seeding the ОНФ cards did. */
export interface CaseSeedReport {
  /** `false` when the database already held cards and nothing was written. */
  seeded: boolean;
  cases: number;
  timersFired: number;
  notificationsSkipped: number;
}

interface Action {
  at: string;
  label: string;
  run: () => Promise<CaseWriteResult>;
}

const HOUR = 3_600_000;

/** The demo cards of both regions, `now` being the seeding clock. */
export const demoCases = (now: Date): DemoCase[] => [
  ...kamchatkaCases(now),
  ...ulyanovskCases(now),
];

function timeline(store: CaseStore, cases: DemoCase[], now: Date): Action[] {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const actions: Action[] = [];
  for (const card of cases) {
    const createAt = at(card.hoursAgo);
    actions.push({
      at: createAt,
      label: `${card.id} case.create`,
      run: () =>
        store.submitCase({ type: 'case.create', at: createAt, caseId: card.id, ...card.create }),
    });
    for (const { hoursAgo, ...event } of card.steps) {
      const stepAt = at(hoursAgo);
      actions.push({
        at: stepAt,
        label: `${card.id} ${event.type}`,
        run: () => store.sendCase(card.id, { ...event, at: stepAt }),
      });
    }
  }
  return actions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Does the store hold any card at all? */
export async function hasCases(store: CaseStore): Promise<boolean> {
  const page = await store.listCases(SYSTEM_PRINCIPAL, { limit: 1 });
  return page.items.length > 0;
}

/**
 * Fills a store without cards with the ОНФ demo cards, as {@link seedDemoMessages} does the
 * messages: their real events through the store in time order (locks, calls on different
 * days, curator checks, closures with every reason), firing the timers that fall due on the
 * way (a postponement whose date has passed is back «В работе»). Nothing when cards exist.
 *
 * @example
 * await seedDemoCases(store, new Date()); // { seeded: true, cases: 25, … }
 */
export async function seedDemoCases(
  store: MessageStore & CaseStore,
  now: Date,
): Promise<CaseSeedReport> {
  if (await hasCases(store)) {
    return { seeded: false, cases: 0, timersFired: 0, notificationsSkipped: 0 };
  }
  const cases = demoCases(now);
  let timersFired = 0;
  for (const action of timeline(store, cases, now)) {
    timersFired += await fireTimersUntil(store, action.at);
    const result = await action.run();
    if (!result.ok) {
      throw new Error(`demo cards: ${action.label} was refused: ${result.error.message}`);
    }
  }
  const nowIso = now.toISOString();
  timersFired += await fireTimersUntil(store, nowIso);
  const notificationsSkipped = await skipOutbox(store, nowIso);
  return { seeded: true, cases: cases.length, timersFired, notificationsSkipped };
}
