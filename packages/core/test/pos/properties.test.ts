import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, startMessage } from '../../src/index.js';
import {
  checkStep,
  InvariantViolation,
  runWalk,
  submitArbitrary,
  walkArbitrary,
} from '../../src/testing/index.js';
import { at, directory, drive, start, toApproval, users } from '../helpers.js';

describe('properties over random message lives', () => {
  it('keeps every invariant after every step of a random walk', () => {
    let deepest = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(walkArbitrary(directory, 25), (walk) => {
        const trace = runWalk(walk, directory);
        deepest = Math.max(deepest, trace.applied);
        for (const s of trace.statuses) seen.add(s);
      }),
      { numRuns: 300 },
    );
    // The walks must go deep, or the invariants were checked on trivia.
    expect(deepest).toBeGreaterThan(5);
    for (const status of [
      'coordination',
      'in_work',
      'on_approval',
      'answer_sent',
      'answer_ready',
    ]) {
      expect(seen, status).toContain(status);
    }
  });

  it('starts operator messages in coordination and all others in moderation', () => {
    fc.assert(
      fc.property(submitArbitrary(directory), (submit) => {
        const result = startMessage({ ...submit, at: at(0) }, directory);
        if (!result.ok) return;
        expect(result.status).toBe(submit.channel === 'operator' ? 'coordination' : 'moderation');
      }),
      { numRuns: 200 },
    );
  });

  it('catches a broken rule: the invariant check is not vacuous', () => {
    const pending = drive(start(), toApproval);
    const before = JSON.stringify(pending);
    const event = { type: 'answer.approve', at: at(99), by: users.headRoads };
    const result = applyEvent(pending, event, directory);
    // Pretend a non-head approved it: the check must object.
    const forged = { ...event, by: users.coordinatorRoads };
    expect(() => checkStep(pending, before, forged, result, directory)).toThrow(InvariantViolation);
    // And a step that moves the holding organisation without forward/return.
    if (!result.ok) throw new Error('approval failed');
    const moved = {
      ...result,
      snapshot: {
        ...result.snapshot,
        context: { ...result.snapshot.context, holdingOrgId: 'kam-gov' },
      },
    };
    expect(() => checkStep(pending, before, event, moved, directory)).toThrow(/moved the message/);
  });
});
