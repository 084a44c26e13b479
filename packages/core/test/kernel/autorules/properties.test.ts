import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Autorule,
  applyEvent,
  autoruleSchema,
  autorulesOf,
  hasRole,
  type MessageSnapshot,
  matchAutorule,
  messageSchema,
  runAutorules,
  startMessage,
} from '../../../src/index.js';
import { checkStep, submitArbitrary } from '../../../src/testing/index.js';
import { at, directory } from '../../helpers.js';

const orgIds = directory.organisations.map((o) => o.id);
const userIds = directory.users.map((u) => u.id);
const executorIds = directory.users
  .filter((u) => u.roles.some((r) => r.role === 'executor'))
  .map((u) => u.id);
const subcategoryIds = directory.catalogue.categories.flatMap((c) =>
  c.subcategories.map((s) => s.id),
);
const words = ['яма', 'дорога', 'школа', 'ёлка', 'очередь', 'питание', 'снег'];
const municipalities = ['Елизовский район', 'город Ульяновск', 'Петропавловск-Камчатский'];
const platformModerator = { id: 'mod-all', roles: [{ role: 'moderator' as const }] };

/** A criterion given in about one rule in four, so that rules match often enough to act. */
const some = <T>(values: readonly T[]) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.subarray([...values], { minLength: 1 }), weight: 1 },
  );

/** Stands for the organisation the message arrives at, so that many rules concern it. */
const HOLDING = '@holding';

/** A rule as an admin might write it, valid or not (a forward to its own organisation …). */
const ruleDraftArbitrary = fc.record({
  id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'),
  orgId: fc.oneof(
    { arbitrary: fc.constant(HOLDING), weight: 1 },
    { arbitrary: fc.constantFrom(...orgIds), weight: 1 },
  ),
  name: fc.constant('Правило'),
  position: fc.nat({ max: 5 }),
  enabled: fc.boolean(),
  match: fc.record({
    categoryIds: some(directory.catalogue.categories.map((c) => c.id)),
    subcategoryIds: some(subcategoryIds),
    regionCodes: some(['41', '73']),
    channels: some(['epgu_form', 'mobile_app', 'operator', 'org_widget'] as const),
    municipalities: some(municipalities),
    words: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      {
        arbitrary: fc.record({
          mode: fc.constantFrom('any', 'all'),
          terms: fc.subarray(words, { minLength: 1 }),
        }),
        weight: 1,
      },
    ),
  }),
  action: fc.oneof(
    fc.record({ kind: fc.constant('forward'), orgId: fc.constantFrom('no-such-org', ...orgIds) }),
    fc.record({
      kind: fc.constant('assign'),
      executorId: fc.oneof(
        { arbitrary: fc.constantFrom(...executorIds), weight: 3 },
        { arbitrary: fc.constantFrom('nobody', ...userIds), weight: 1 },
      ),
      executionDays: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    }),
  ),
});

/** The drafts that pass the schema, as saved rules. */
const saved = (drafts: readonly Record<string, unknown>[], holdingOrgId: string): Autorule[] =>
  drafts.flatMap((draft) => {
    const orgId = draft.orgId === HOLDING ? holdingOrgId : draft.orgId;
    const parsed = autoruleSchema.safeParse({ ...draft, orgId });
    return parsed.success ? [parsed.data] : [];
  });

/** A message that has just reached coordination, through the real workflow. */
const arrivalArbitrary = fc
  .record({
    submit: submitArbitrary(directory),
    text: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
    municipality: fc.option(fc.constantFrom(...municipalities), { nil: null }),
  })
  .map(({ submit, text, municipality }): MessageSnapshot | null => {
    const prefix = submit.channel === 'operator' ? 'Центр мониторинга 112: ' : '';
    const started = startMessage(
      { ...submit, at: at(0), text: prefix + text.join(' '), municipality },
      directory,
    );
    if (!started.ok) return null;
    return started.snapshot;
  })
  .filter((s): s is MessageSnapshot => s !== null);

describe('autorule properties over random rule sets and messages', () => {
  it('act only as the system, within the catalogue, first match first, and always stop', () => {
    const seen = { forward: 0, assign: 0, refused: 0, bounded: 0 };
    fc.assert(
      fc.property(
        arrivalArbitrary,
        fc.array(ruleDraftArbitrary, { maxLength: 10 }),
        fc.integer({ min: 0, max: 6 }),
        (start, drafts, maxHops) => {
          const snapshot = accepted(start);
          const rules = saved(drafts, snapshot.context.holdingOrgId);
          const before = JSON.stringify(snapshot);
          const run = runAutorules(snapshot, rules, directory, at(5), { maxHops });
          expect(JSON.stringify(snapshot)).toBe(before);
          let current = snapshot;
          const visited = new Set([current.context.holdingOrgId]);
          for (const step of run.applied) {
            const from = current.context;
            const first = autorulesOf(rules, from.holdingOrgId).find((r) => matchAutorule(r, from));
            expect(step.ruleId).toBe(first?.id);
            expect(hasRole(step.event.by, 'system')).toBe(true);
            expect(step.result.record.by.id).toBe('system');
            expect(step.result.record.payload.autoruleId).toBe(step.ruleId);
            checkStep(current, JSON.stringify(current), step.event, step.result, directory);
            const next = step.result.snapshot.context;
            if (step.event.type === 'coordination.forward') {
              seen.forward += 1;
              const allowed =
                directory.isCompetent(next.holdingOrgId, from.subcategoryId) ||
                directory.isBelow(next.holdingOrgId, from.holdingOrgId);
              expect(allowed, `${from.holdingOrgId} → ${next.holdingOrgId}`).toBe(true);
              expect(visited.has(next.holdingOrgId)).toBe(false);
              visited.add(next.holdingOrgId);
            } else {
              seen.assign += 1;
              expect(
                directory.userHasRole(next.executorId ?? '', 'executor', next.holdingOrgId),
              ).toBe(true);
            }
            current = step.result.snapshot;
          }
          expect(run.snapshot).toBe(current);
          expect(
            run.applied.filter((a) => a.event.type === 'coordination.forward').length,
          ).toBeLessThanOrEqual(maxHops);
          expect(run.skipped.length).toBeLessThanOrEqual(1);
          if (run.skipped.length > 0) expect(run.idle).toBeNull();
          for (const skip of run.skipped) {
            if (skip.reason === 'refused') seen.refused += 1;
            else seen.bounded += 1;
          }
          const last = run.applied.at(-1);
          expect(run.snapshot.context.delegatedByAutorule).toEqual(
            last ? { ruleId: last.ruleId, at: at(5) } : null,
          );
          expect(() => messageSchema.parse(run.snapshot.context)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    // The properties were checked on rules that did something, and on refusals.
    expect(seen.forward).toBeGreaterThan(3);
    expect(seen.assign).toBeGreaterThan(3);
    expect(seen.refused).toBeGreaterThan(3);
    expect(seen.bounded).toBeGreaterThan(0);
  });
});

/** Moderation accepts it (a platform-wide moderator); operator messages skip moderation. */
function accepted(snapshot: MessageSnapshot): MessageSnapshot {
  if (snapshot.context.channel === 'operator') return snapshot;
  const event = { type: 'moderation.accept', at: at(1), by: platformModerator };
  const result = applyEvent(snapshot, event, directory);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}
