import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timerChanges } from '../../src/kernel/store/claims.js';
import type { Timer } from '../../src/pos/timers.js';

/** A few ids, instants and events, so that timers collide often. */
const timerArb: fc.Arbitrary<Timer> = fc.record({
  id: fc.constantFrom('m-1:deadline.due_soon', 'm-1:deadline.overdue', 'm-1:rating.due'),
  messageId: fc.constant('m-1'),
  fireAt: fc.constantFrom(
    '2025-01-20T09:00:00Z',
    '2025-01-20T09:00:00.000Z',
    '2025-01-21T09:00:00Z',
  ),
  event: fc.oneof(
    fc.record({ type: fc.constantFrom('deadline.due_soon', 'deadline.overdue') }),
    fc.record({ type: fc.constant('rating.due'), round: fc.integer({ min: 0, max: 1 }) }),
  ),
});

describe('timerChanges', () => {
  it('removes what is no longer wanted and upserts only what is new or changed', () => {
    fc.assert(
      fc.property(
        fc.array(timerArb, { maxLength: 4 }),
        fc.array(timerArb, { maxLength: 4 }),
        fc.option(timerArb, { nil: undefined }),
        (before, after, fired) => {
          const { removed, upserted } = timerChanges(before, after, fired);
          const same = (a: Timer, b: Timer) =>
            Date.parse(a.fireAt) === Date.parse(b.fireAt) &&
            JSON.stringify(a.event) === JSON.stringify(b.event);
          // What the rules ask for after the write, the fired timer's own instant excepted.
          const asked = after.filter(
            (t) =>
              !(fired && t.id === fired.id && Date.parse(t.fireAt) === Date.parse(fired.fireAt)),
          );
          const wantedIds = new Set(asked.map((t) => t.id));
          // The last timer of an id counts.
          const last = (ts: Timer[], id: string) => ts.findLast((t) => t.id === id);

          expect(new Set(removed).size).toBe(removed.length);
          const expectedRemoved = [...before, ...(fired ? [fired] : [])]
            .map((t) => t.id)
            .filter((id) => !wantedIds.has(id));
          expect(new Set(removed)).toEqual(new Set(expectedRemoved));

          expect(new Set(upserted.map((t) => t.id)).size).toBe(upserted.length);
          for (const id of wantedIds) {
            const want = last(asked, id) as Timer;
            const had = last(before, id);
            const up = upserted.find((t) => t.id === id);
            if (had && same(had, want)) expect(up).toBeUndefined();
            else expect(up).toBe(want);
          }
          for (const t of upserted) expect(wantedIds.has(t.id)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
