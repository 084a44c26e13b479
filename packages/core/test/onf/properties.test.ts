import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCaseEvent,
  type CaseSnapshot,
  closeReasonSchema,
  contactOutcomeSchema,
  unmetCloseRequirement,
} from '../../src/index.js';
import {
  caseWalkArbitrary,
  checkCaseShape,
  checkCaseStep,
  checkLockRegistry,
  InvariantViolation,
  runCaseWalk,
} from '../../src/testing/index.js';
import {
  at,
  DAY,
  directory,
  drive,
  reach,
  send,
  start,
  toCheck,
  toHeld,
  users,
} from './helpers.js';

describe('properties over random lives of several cards', () => {
  it('keeps every invariant after every step, and no executor ever holds two cards', () => {
    const seen = new Set<string>();
    const refused: Record<string, number> = {};
    let deepest = 0;
    let closeReturns = 0;
    fc.assert(
      fc.property(caseWalkArbitrary(directory, 3, 40), (walk) => {
        const trace = runCaseWalk(walk, directory);
        for (const s of trace.statuses) seen.add(s);
        for (const [k, n] of Object.entries(trace.refused)) refused[k] = (refused[k] ?? 0) + n;
        deepest = Math.max(deepest, trace.applied.length);
        closeReturns += trace.closeReturns;
      }),
      { numRuns: 120 },
    );
    // The walks must go deep and try the rules, or the invariants were checked on trivia.
    expect(deepest).toBeGreaterThan(15);
    for (const status of [
      'in_work',
      'curator_check',
      'done',
      'closed',
      'postponed',
      'moderation',
      'support',
    ]) {
      expect(seen, status).toContain(status);
    }
    expect(closeReturns).toBeGreaterThan(0);
    for (const kind of ['lock_conflict', 'forbidden', 'not_allowed_in_status', 'invalid_payload']) {
      expect(refused[kind], kind).toBeGreaterThan(0);
    }
  }, 30_000);

  it('closes a card only when its reason’s requirement is met, and returns it otherwise', () => {
    const request = fc.record({
      reason: fc.constantFrom(...closeReasonSchema.options),
      comment: fc.option(fc.constantFrom('Причина указана', '', '  '), { nil: undefined }),
      duplicateOf: fc.option(fc.constantFrom('340001', '340820', ''), { nil: undefined }),
    });
    const call = fc.record({
      day: fc.nat({ max: 6 }),
      outcome: fc.constantFrom(...contactOutcomeSchema.options),
    });
    fc.assert(
      fc.property(request, fc.array(call, { maxLength: 6 }), (req, calls) => {
        let card = drive(start(), toHeld);
        const sorted = [...calls].sort((a, b) => a.day - b.day);
        sorted.forEach((c, i) => {
          const step = { type: 'case.contact_attempt', by: users.executor75, outcome: c.outcome };
          card = (send(card, step, c.day * DAY + 10 + i) as { snapshot: CaseSnapshot }).snapshot;
        });
        const when = 8 * DAY;
        const requested = send(
          card,
          { type: 'case.close_request', by: users.executor75, ...req },
          when,
        );
        if (!requested.ok) throw new Error(requested.error.message);
        const unmet = unmetCloseRequirement(card.context, {
          reason: req.reason,
          comment: req.comment?.trim() || null,
          duplicateOf: req.duplicateOf || null,
        });
        if (unmet !== null) {
          expect(requested.status).toBe('in_work');
          expect(requested.snapshot.context.lastReturn?.unmet).toBe(unmet);
          return;
        }
        expect(requested.status).toBe('curator_check');
        const accepted = send(
          requested.snapshot,
          { type: 'case.accept', by: users.curator75 },
          when + 1,
        );
        expect(accepted.ok && accepted.status).toBe('closed');
      }),
      { numRuns: 300 },
    );
  });

  it('catches a broken rule: the invariant checks are not vacuous', () => {
    const check = drive(start(), toCheck);
    const before = JSON.stringify(check);
    const event = { type: 'case.accept', at: at(99), by: users.curator75 };
    const result = applyCaseEvent(check, event, directory);
    // Pretend the executor accepted their own result: done only through a curator.
    const forged = { ...event, by: users.executor75 };
    expect(() => checkCaseStep(check, before, forged, result, directory)).toThrow(
      InvariantViolation,
    );
    // A card closed without the comment its reason requires.
    const closed = reach.closed!();
    const broken = {
      ...closed,
      context: {
        ...closed.context,
        closure: { ...closed.context.closure!, reason: 'objective_reasons' as const },
      },
    };
    expect(() => checkCaseShape(broken)).toThrow(/without its requirement/);
    // Two cards held by one executor.
    const held = drive(start(), toHeld);
    const other = { ...held, context: { ...held.context, id: 'c-2' } };
    expect(() => checkLockRegistry([held, other])).toThrow(/holds both/);
  });
});
