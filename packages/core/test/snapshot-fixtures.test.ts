/**
 * Snapshots persisted by earlier releases keep working: every fixture in
 * test/fixtures/snapshots/<release>/ is loaded as a store would load it, and the current
 * workflow must offer every user the same events and give the same result for every event
 * replayed, unless a difference is declared below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseStatuses, messageStatuses } from '@reshaem/core';
import { describe, expect, it } from 'vitest';
import type { FixtureFile, ReplayResult, SnapshotFixture } from './snapshot-fixtures/format.js';
import {
  observerFor,
  type SnapshotNormaliser,
  withoutIssueProse,
} from './snapshot-fixtures/observe.js';

/**
 * A difference a later release makes on purpose (through a declared migration): in fixture
 * `fixture`, the entry `key` (`available <user>` or `<n> <user> <event>`) becomes `now`.
 *
 * - `moderation.correct` (issue 19): an event added to the current definition; a stored
 *   message in moderation now offers its moderator the correction as well. No snapshot
 *   changes shape and every replayed result stays the same, so no migration is needed.
 */
interface DeclaredDifference {
  fixture: string;
  key: string;
  because: string;
  now: string[] | ReplayResult;
}
const correctionOffered = (fixture: string, user: string): DeclaredDifference => ({
  fixture,
  key: `available ${user}`,
  because: 'a moderator may correct the rubric and the recipient before accepting',
  now: ['moderation.accept', 'moderation.correct', 'moderation.reject'],
});
const declaredDifferences: DeclaredDifference[] = [
  correctionOffered('pos:moderation:1', 'moderator'),
  correctionOffered('pos:moderation:2', 'moderatorUly'),
  correctionOffered('pos:moderation:3', 'moderator'),
];

/**
 * Additive changes of the record a later release made without a new definition: a field
 * with an empty default that a snapshot of the fixture's release reads as empty. Each
 * normaliser takes a result snapshot back to that release's form before it is compared.
 *
 * - `attachments` (uploaded files, issue 18): every message gained an `attachments` list; a
 *   message stored before has none and reads as `[]`, so a result whose list is still
 *   empty is compared without it.
 * - `location` (a point on the map): a message stored before has none and reads as
 *   `null`, so a result whose point is still `null` is compared without it.
 */
function asWrittenByV1(workflow: string): SnapshotNormaliser {
  if (workflow !== 'pos') return (snapshot) => snapshot;
  return (snapshot) => {
    const { context, ...rest } = snapshot as { context: Record<string, unknown> };
    const { attachments, location, ...message } = context;
    const noPoint = location === null || location === undefined;
    if (!noPoint) return snapshot;
    return Array.isArray(attachments) && attachments.length === 0
      ? { ...rest, context: message }
      : { ...rest, context: { ...message, attachments } };
  };
}

const root = join(import.meta.dirname, 'fixtures', 'snapshots');
const releases = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const files = releases.flatMap((release) =>
  readdirSync(join(root, release))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      name: `${release}/${name}`,
      file: JSON.parse(readFileSync(join(root, release, name), 'utf8')) as FixtureFile,
    })),
);

/** What the fixture recorded, keyed so that a failing diff names the user and the event. */
function recorded(fixture: SnapshotFixture) {
  const available: Record<string, unknown> = {};
  for (const [user, types] of Object.entries(fixture.available)) {
    available[`available ${user}`] = types;
  }
  const results: Record<string, unknown> = {};
  fixture.replays.forEach(({ event, result }, n) => {
    results[`${n} ${event.by} ${event.type}`] = result;
  });
  for (const d of declaredDifferences.filter((d) => d.fixture === fixture.id)) {
    const target = d.key.startsWith('available ') ? available : results;
    if (!(d.key in target)) throw new Error(`declared difference for a missing entry: ${d.key}`);
    target[d.key] = d.now;
  }
  return { available, results };
}

describe('snapshot fixtures', () => {
  it('are there, for both workflows', () => {
    expect(releases).toContain('v1');
    expect(files.map((f) => f.file.workflow).sort()).toEqual(['onf', 'pos']);
  });

  it('cover every status of both workflows in v1', () => {
    const statuses = (workflow: string) =>
      new Set(
        files
          .filter((f) => f.name.startsWith('v1/') && f.file.workflow === workflow)
          .flatMap((f) => f.file.fixtures.map((x) => x.status)),
      );
    expect([...statuses('pos')].sort()).toEqual(Object.keys(messageStatuses).sort());
    expect([...statuses('onf')].sort()).toEqual(Object.keys(caseStatuses).sort());
  });
});

for (const { name, file } of files) {
  describe(name, () => {
    const observer = observerFor(file, asWrittenByV1(file.workflow));
    for (const fixture of file.fixtures) {
      it(fixture.id, () => {
        const held = (user: string) => fixture.heldCardIds?.[user] ?? [];
        const expected = recorded(fixture);
        const available: Record<string, unknown> = {};
        for (const user of Object.keys(fixture.available)) {
          available[`available ${user}`] = observer.available(fixture.snapshot, user, held(user));
        }
        const results: Record<string, unknown> = {};
        fixture.replays.forEach(({ event }, n) => {
          const snapshot = structuredClone(fixture.snapshot);
          results[`${n} ${event.by} ${event.type}`] = observer.replay(
            snapshot,
            event,
            held(event.by),
          );
        });
        expect
          .soft(available, `${name} ${fixture.id}: events offered per user`)
          .toEqual(expected.available);
        expect
          .soft(results, `${name} ${fixture.id}: results of the replayed events`)
          .toEqual(
            Object.fromEntries(
              Object.entries(expected.results).map(([k, r]) => [k, withoutIssueProse(r)]),
            ),
          );
      });
    }
  });
}
