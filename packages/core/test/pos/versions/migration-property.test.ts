import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ApplyResult,
  applyEvent,
  availableEvents,
  createDirectory,
  type MessageEventType,
  type MessageSnapshot,
  type Principal,
  SYSTEM_PRINCIPAL,
  statusOf,
} from '../../../src/index.js';
import {
  plausiblePayload,
  reachableMessages,
  runWalk,
  walkArbitrary,
} from '../../../src/testing/index.js';
import { directory, operatorSubmit, potholeSubmit } from '../../helpers.js';
import type { FixtureFile } from '../../snapshot-fixtures/format.js';
import { migratingV1 } from './message-v2.js';

const unchanged = new Set<string>(migratingV1.unchangedBy(1));
const everyone: Principal[] = [...directory.users, SYSTEM_PRINCIPAL];

/** The events someone may send on `s` now, each with who may send it. */
function candidates(s: MessageSnapshot): Array<{ type: MessageEventType; by: Principal }> {
  return everyone.flatMap((by) => availableEvents(s, by, directory).map((type) => ({ type, by })));
}

/** What must agree: the outcome, migrated where it is a snapshot. */
function migratedOutcome(result: ApplyResult) {
  if (!result.ok) return { ok: false, error: result.error };
  const up = migratingV1.upgrade(result.snapshot);
  if (!up.ok) throw new Error(up.error.message);
  return {
    ok: true,
    snapshot: up.snapshot,
    status: result.status,
    effects: result.effects,
    record: result.record,
  };
}

function outcome(result: ApplyResult) {
  if (!result.ok) return { ok: false, error: result.error };
  return {
    ok: true,
    snapshot: result.snapshot,
    status: result.status,
    effects: result.effects,
    record: result.record,
  };
}

describe('migrating v1 → v2 commutes with applying an unchanged event', () => {
  it('migrate then apply on v2 = apply on v1 then migrate, for reachable v1 snapshots', () => {
    let compared = 0;
    let accepted = 0;
    const statuses = new Set<string>();
    fc.assert(
      fc.property(
        walkArbitrary(directory, 20),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
        fc.constantFrom(...everyone),
        (walk, pickEvent, pickPayload, cut, offered, anyone) => {
          // A random point of the walk, so that few lives have already ended.
          const steps = walk.steps.slice(0, cut % (walk.steps.length + 1));
          const s = runWalk({ ...walk, steps }, directory).final;
          if (s === null) return;
          const offers = candidates(s);
          // Mostly an event someone may send now; sometimes any sender (refusal paths).
          const chosen = offers[pickEvent % Math.max(offers.length, 1)];
          if (!chosen) return;
          const { type } = chosen;
          const by = offered ? chosen.by : anyone;
          if (!unchanged.has(type)) return;
          const at = new Date(Date.parse(s.context.updatedAt) + 3_600_000).toISOString();
          const event = { ...plausiblePayload(type, s, directory, pickPayload), type, at, by };
          const onV1 = applyEvent(s, event, directory);
          const onV2 = migratingV1.applyEvent(s, event, directory);
          expect(outcome(onV2)).toEqual(migratedOutcome(onV1));
          compared += 1;
          if (onV1.ok) accepted += 1;
          statuses.add(statusOf(s));
        },
      ),
      { numRuns: 400 },
    );
    // Walks that end in a final status, or early in a refused submit, offer nothing; the rest
    // must be real transitions. 400 runs leave the floors well below what a run compares.
    expect(compared).toBeGreaterThan(80);
    expect(accepted).toBeGreaterThan(40);
    expect(statuses.size).toBeGreaterThan(4);
  });

  it('holds for every event anyone may send on every message explored breadth first', () => {
    const { at: _a, ...pothole } = potholeSubmit();
    const { at: _b, ...operator } = operatorSubmit();
    const reached = reachableMessages(directory, [pothole, operator], { limit: 150 });
    let compared = 0;
    const statuses = new Set<string>();
    for (const { snapshot: s } of reached) {
      const at = new Date(Date.parse(s.context.updatedAt) + 3_600_000).toISOString();
      for (const { type, by } of candidates(s)) {
        if (!unchanged.has(type)) continue;
        const event = { ...plausiblePayload(type, s, directory), type, at, by };
        const onV1 = applyEvent(s, event, directory);
        expect(outcome(migratingV1.applyEvent(s, event, directory)), `${type} by ${by.id}`).toEqual(
          migratedOutcome(onV1),
        );
        compared += 1;
        statuses.add(statusOf(s));
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(statuses.size).toBeGreaterThan(5);
  });

  it('holds for every replay of the v1 fixtures (every status), and states the one difference', () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../fixtures/snapshots/v1/pos.json'), 'utf8'),
    ) as FixtureFile;
    const world = createDirectory(file.directory);
    const statuses = new Set<string>();
    let differs = 0;
    for (const fixture of file.fixtures) {
      const s = fixture.snapshot as unknown as MessageSnapshot;
      for (const { event } of fixture.replays) {
        const input = {
          ...event.payload,
          type: event.type,
          at: event.at,
          by: file.users[event.by],
        };
        const onV1 = applyEvent(s, input, world);
        const onV2 = migratingV1.applyEvent(s, input, world);
        if (unchanged.has(event.type)) {
          expect(outcome(onV2), `${fixture.id} ${event.by} ${event.type}`).toEqual(
            migratedOutcome(onV1),
          );
          statuses.add(fixture.status);
        } else if (fixture.status === 'on_approval' && onV1.ok) {
          // The declared difference: v2 no longer takes registration.update on approval.
          expect(!onV2.ok && onV2.error.kind).toBe('not_allowed_in_status');
          differs += 1;
        }
      }
    }
    expect(statuses).toContain('postponed');
    const replayed = file.fixtures.filter((f) => f.replays.length > 0).map((f) => f.status);
    expect([...statuses].sort()).toEqual([...new Set(replayed)].sort());
    expect(differs).toBeGreaterThan(0);
  });
});
