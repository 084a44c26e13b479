import type { MessageStore, SubmitEventInput } from '../../src/index.js';
import { operatorSubmit, potholeSubmit, users } from '../helpers.js';
import { accept, answered, kam, type TimedStep, toWork } from './indicator-histories.js';
import { written } from './setup.js';

const DAY = 86_400_000;
const after = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Times that sit on the rounding of the reported figures: a row shows the answer time in
 * days and the delivery lag in hours to the hundredth (`round2(ms / unit)` in JavaScript).
 * - 86,832,000 ms is 1.005 days, half-way between 1.00 and 1.01, and JavaScript's floating
 *   point reports it as 1.00; 86,832,001 ms is 1.01.
 * - 12,528,000 ms is 0.145 days, reported 0.14; 522,000 ms is 0.145 hours, reported 0.14.
 * - 1,123,800,000 ms is 13.0069 days (13.01) and 538,200 ms 0.1495 hours (0.15): the upper
 *   half of a hundredth.
 */
export const HALF_WAY_DAY = 86_832_000;
const DAY_AND_A_BIT = 86_832_001;
const TINY_HALF_WAY_DAY = 12_528_000;
const THIRTEEN_DAYS = 1_123_800_000;
const HALF_WAY_LAG = 522_000;
const UPPER_HALF_LAG = 538_200;

interface Life {
  submit: SubmitEventInput;
  steps: TimedStep[];
}

/** A potholes message of the Kamchatka roads ministry received at `received`, answered `ms` later. */
const pothole = (id: string, received: string, ms: number): Life => ({
  submit: potholeSubmit({ messageId: id, number: `41-${id}`, at: received }),
  steps: [
    accept(after(received, 5 * 60_000)),
    ...toWork(after(received, 10 * 60_000)),
    ...answered(after(received, ms)),
  ],
});

/** An operator-entered message in Ulyanovsk answered `ms` after its receipt, delivered `lag` later. */
const delivered = (id: string, received: string, ms: number, lag: number): Life => ({
  submit: operatorSubmit({ messageId: id, number: `73-${id}`, at: received }),
  steps: [
    {
      type: 'executor.assign',
      by: users.coordinatorUlyRoads,
      executorId: users.executorUlyRoads.id,
      at: after(received, 60 * 60_000),
    },
    { type: 'work.take', by: users.executorUlyRoads, at: after(received, 70 * 60_000) },
    {
      type: 'answer.submit',
      by: users.executorUlyRoads,
      answer: { type: 'resolved', text: 'Сделано', files: [] },
      at: after(received, ms - 60 * 60_000),
    },
    { type: 'answer.approve', by: users.headUlyRoads, at: after(received, ms) },
    {
      type: 'delivery.confirm',
      by: users.operator,
      channel: 'phone',
      note: 'Дозвонились',
      at: after(received, ms + lag),
    },
  ],
});

const weekA = kam('2025-04-07 10:00');
const weekB = kam('2025-04-14 10:00');
const ulyWeekA = '2025-04-07T06:00:00.000Z';
const ulyWeekB = '2025-04-14T06:00:00.000Z';

/**
 * Kamchatka (week of 07.04): 0.5, 0.5, 1, 1.005, 1.005, 1.005+, 1.04, 13.0069, 13.0069 and
 * 23.1 days — the median is the 5th (1.005: 1.00), the 90th percentile the 9th (13.01), each
 * in a run of equal values; week of 14.04: 0.145 days twice (0.14). Ulyanovsk: answered
 * 1.005 days after receipt (1.00), delivered 0.145 h (0.14), 0.145 h and 1.005 h+ after the
 * approval in the week of 07.04, 0.1495 h (0.15) in the week of 14.04.
 */
export const roundingHistories: Life[] = [
  pothole('rd-1', weekA, DAY / 2),
  pothole('rd-2', weekA, DAY / 2),
  pothole('rd-3', weekA, DAY),
  pothole('rd-4', weekA, HALF_WAY_DAY),
  pothole('rd-5', weekA, HALF_WAY_DAY),
  pothole('rd-6', weekA, DAY_AND_A_BIT),
  pothole('rd-7', weekA, 90_000_000),
  pothole('rd-8', weekA, THIRTEEN_DAYS),
  pothole('rd-9', weekA, THIRTEEN_DAYS),
  pothole('rd-10', weekA, 2_000_000_000),
  pothole('rd-11', weekB, TINY_HALF_WAY_DAY),
  pothole('rd-12', weekB, TINY_HALF_WAY_DAY),
  delivered('rd-op-1', ulyWeekA, HALF_WAY_DAY, HALF_WAY_LAG),
  delivered('rd-op-2', ulyWeekA, HALF_WAY_DAY, HALF_WAY_LAG),
  delivered('rd-op-3', ulyWeekA, HALF_WAY_DAY, 3_618_001),
  delivered('rd-op-4', ulyWeekB, HALF_WAY_DAY, UPPER_HALF_LAG),
];

/** Writes the lives into the store, failing on any refusal. */
export async function writeRoundingHistories(store: MessageStore): Promise<void> {
  for (const { submit, steps } of roundingHistories) {
    const id = written(await store.submit(submit)).message.id;
    for (const step of steps) {
      const result = await store.send(id, step);
      if (!result.ok) throw new Error(`${step.type} on ${id}: ${result.error.message}`);
    }
  }
}
