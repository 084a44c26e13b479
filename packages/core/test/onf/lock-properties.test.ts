import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../src/index.js';
import { caseStatusOf } from '../../src/index.js';
import { checkLockRegistry, heldCardIdsOf } from '../../src/testing/index.js';
import { createCard, drive, type Step, send, start, toInWork, users } from './helpers.js';

const executor = users.executor75;
const steps: Record<string, Step> = {
  lock: { type: 'case.lock', by: executor },
  release: { type: 'case.release', by: executor },
  resolve: { type: 'case.resolve', by: executor, description: 'Готово' },
  return: { type: 'case.return', by: users.curator75, comment: 'Доработать' },
  postpone: { type: 'case.postpone', by: executor, until: '2026-01-01', reason: 'Стройка' },
};

describe('one card per executor at a time, across cards', () => {
  it('never lets an executor hold two cards, and never refuses a lock they are free to take', () => {
    const op = fc.record({
      card: fc.nat({ max: 3 }),
      action: fc.constantFrom(...Object.keys(steps)),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const cards: CaseSnapshot[] = [0, 1, 2, 3].map((i) =>
          drive(start(createCard({ caseId: `c-${i}`, number: `${i}` })), toInWork),
        );
        ops.forEach(({ card, action }, k) => {
          const current = cards[card] as CaseSnapshot;
          const heldCardIds = heldCardIdsOf(cards, executor.id);
          const result = send(current, steps[action] as Step, 10 + k, { heldCardIds });
          if (result.ok) cards[card] = result.snapshot;
          const free = caseStatusOf(current) === 'in_work' && current.context.lock === null;
          if (action === 'lock' && free) {
            const busy = heldCardIds.length > 0;
            expect(result.ok ? 'ok' : result.error.kind).toBe(busy ? 'lock_conflict' : 'ok');
          }
          checkLockRegistry(cards);
        });
      }),
      { numRuns: 200 },
    );
  });
});
