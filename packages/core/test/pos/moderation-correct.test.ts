import { describe, expect, it } from 'vitest';
import { applyEvent, type MessageSnapshot, statusOf } from '../../src/index.js';
import { type DemoUserHandle, demoUsers } from '../../src/testing/index.js';
import { at, directory, drive, expectRefused, start, toCoordination } from '../helpers.js';

const correct = (
  snapshot: MessageSnapshot,
  change: Record<string, unknown>,
  by = demoUsers.moderator,
) => applyEvent(snapshot, { type: 'moderation.correct', at: at(5), by, ...change }, directory);

const invalidAt = (result: ReturnType<typeof correct>, field: string) => {
  expectRefused(result, 'invalid_payload');
  if (!result.ok && result.error.kind === 'invalid_payload') {
    expect(result.error.issues.map((i) => i.path.join('.'))).toEqual([field]);
  }
  return result.ok ? '' : result.error.message;
};

describe('moderation.correct: a moderator corrects the rubric and the recipient before accepting', () => {
  it('changes the subcategory, fact and recipient and records the old and new values', () => {
    const result = correct(start(), {
      orgId: 'kam-gov',
      subcategoryId: 'road-repair',
      factId: null,
      comment: 'Это ремонт дороги, не яма',
    });
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    if (!result.ok) return;
    expect(result.status).toBe('moderation');
    expect(result.snapshot.context).toMatchObject({
      receivedOrgId: 'kam-gov',
      holdingOrgId: 'kam-gov',
      categoryId: 'roads',
      subcategoryId: 'road-repair',
      factId: null,
      updatedAt: at(5),
    });
    expect(result.record).toMatchObject({
      type: 'moderation.correct',
      fromStatus: 'moderation',
      toStatus: 'moderation',
      by: { id: 'mod-kam' },
      holdingOrgId: 'kam-gov',
      payload: {
        from: {
          orgId: 'kam-roads',
          categoryId: 'roads',
          subcategoryId: 'potholes',
          factId: 'pothole-street',
        },
        to: { orgId: 'kam-gov', categoryId: 'roads', subcategoryId: 'road-repair', factId: null },
        comment: 'Это ремонт дороги, не яма',
      },
    });
  });

  it('a new subcategory without a fact drops the old fact; the same fact can be changed alone', () => {
    const sub = correct(start(), { subcategoryId: 'road-repair' });
    expect(sub.ok && sub.snapshot.context.factId).toBeNull();
    const fact = correct(start(), { factId: 'pothole-yard' });
    expect(fact.ok && fact.snapshot.context.factId).toBe('pothole-yard');
  });

  it('acceptance after a correction registers the message with the corrected recipient', () => {
    const corrected = correct(start(), { orgId: 'kam-gov' });
    if (!corrected.ok) throw new Error(corrected.error.message);
    const accepted = drive(corrected.snapshot, toCoordination, 10);
    expect(statusOf(accepted)).toBe('coordination');
    expect(accepted.context.holdingOrgId).toBe('kam-gov');
    // The Kamchatka roads coordinator no longer holds it; the government's coordinator does.
    const take = (by: DemoUserHandle) =>
      applyEvent(accepted, { type: 'work.take', at: at(20), by: demoUsers[by] }, directory);
    expectRefused(take('coordinatorRoads'), 'forbidden');
    expect(take('coordinatorGov').ok).toBe(true);
  });

  it('only a moderator of the region may correct: every other user is refused as forbidden', () => {
    const snapshot = start();
    const others = (Object.keys(demoUsers) as DemoUserHandle[]).filter((h) => h !== 'moderator');
    expect(others).toContain('moderatorUly');
    for (const handle of others) {
      const result = correct(snapshot, { subcategoryId: 'road-repair' }, demoUsers[handle]);
      expectRefused(result, 'forbidden');
      if (!result.ok)
        expect(result.error.message).toMatch(/не может исправить рубрику и получателя/);
    }
  });

  it('is refused once the message is accepted', () => {
    const accepted = drive(start(), toCoordination);
    const result = correct(accepted, { subcategoryId: 'road-repair' });
    expectRefused(result, 'not_allowed_in_status');
    if (!result.ok) expect(result.error.message).toMatch(/исправить рубрику и получателя/);
  });

  it('checks the catalogue and the directory as a submission does', () => {
    const snapshot = start();
    expect(invalidAt(correct(snapshot, { orgId: 'no-such-org' }), 'orgId')).toMatch(/не найдена/);
    expect(invalidAt(correct(snapshot, { subcategoryId: 'nope' }), 'subcategoryId')).toMatch(
      /не найдена/,
    );
    expect(invalidAt(correct(snapshot, { subcategoryId: 'school-food' }), 'categoryId')).toMatch(
      /не входит в эту категорию/,
    );
    expect(invalidAt(correct(snapshot, { factId: 'nope' }), 'factId')).toMatch(
      /не входит в эту подкатегорию/,
    );
    expect(invalidAt(correct(snapshot, { orgId: 'kam-edu' }), 'orgId')).toMatch(
      /не отвечает за эту подкатегорию/,
    );
  });

  it('keeps the recipient within the region and the moderator’s reach', () => {
    const snapshot = start();
    expect(invalidAt(correct(snapshot, { orgId: 'uly-roads' }), 'orgId')).toMatch(
      /не обслуживает регион сообщения/,
    );
    // A platform-wide moderator is not limited by an organisation, still by the region.
    const platform = { id: 'mod-all', roles: [{ role: 'moderator' as const }] };
    expect(correct(snapshot, { orgId: 'kam-gov' }, platform).ok).toBe(true);
    // A moderator of the roads ministry moderates its messages, but cannot send one above it.
    const roadsModerator = {
      id: 'mod-roads',
      roles: [{ role: 'moderator' as const, orgId: 'kam-roads' }],
    };
    expect(invalidAt(correct(snapshot, { orgId: 'kam-gov' }, roadsModerator), 'orgId')).toMatch(
      /вне организаций, которые вы модерируете/,
    );
  });

  it('refuses a correction that changes nothing', () => {
    expect(invalidAt(correct(start(), { orgId: 'kam-roads' }), '')).toMatch(/ничего не меняет/);
  });
});
