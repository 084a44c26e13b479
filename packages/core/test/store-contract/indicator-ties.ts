import type { MessageStore } from '../../src/index.js';
import { potholeSubmit } from '../helpers.js';
import { accept, answered, kam, toWork } from './indicator-histories.js';
import { written } from './setup.js';

/** A potholes message received at `received` and answered at `answer` (Kamchatka times). */
const answeredLife = (id: string, received: string, answer: string) => ({
  submit: potholeSubmit({ messageId: id, number: `41-${id}`, at: kam(received) }),
  steps: [
    accept(kam(received.replace('10:00', '10:30'))),
    ...toWork(kam(received.replace('10:00', '10:40'))),
    ...answered(kam(answer)),
  ],
});

const times = (count: number, id: string, received: string, answer: string) =>
  Array.from({ length: count }, (_, i) => answeredLife(`${id}-${i + 1}`, received, answer));

/**
 * Lives whose answer times tie at the percentiles' positions. The week of 03.03.2025: ten
 * messages received on Monday 03.03 at 10:00, answered 1, 1, 1, 1, 1, 2, 2, 2, 2 and 3
 * (working and calendar) days later — the median is the 5th value (1), the 90th percentile
 * the 9th (2), the last of a run of equal values both times. The week of 10.03: two
 * received on Monday 10.03, answered 3 days later. All twelve: 1×5, 2×4, 3×3 — the median
 * is the 6th (2), the 90th percentile the 11th (3).
 */
export const tiedHistories = [
  ...times(5, 'tie-a', '2025-03-03 10:00', '2025-03-04 10:00'),
  ...times(4, 'tie-b', '2025-03-03 10:00', '2025-03-05 10:00'),
  ...times(1, 'tie-c', '2025-03-03 10:00', '2025-03-06 10:00'),
  ...times(2, 'tie-d', '2025-03-10 10:00', '2025-03-13 10:00'),
];

/** Writes the tied lives into the store, failing on any refusal. */
export async function writeTiedHistories(store: MessageStore): Promise<void> {
  for (const { submit, steps } of tiedHistories) {
    const id = written(await store.submit(submit)).message.id;
    for (const step of steps) {
      const result = await store.send(id, step);
      if (!result.ok) throw new Error(`${step.type} on ${id}: ${result.error.message}`);
    }
  }
}
