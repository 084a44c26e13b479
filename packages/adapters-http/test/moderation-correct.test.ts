import { describe, expect, it } from 'vitest';
import { drive, expectProblem, json, storeState, world } from './support.js';

describe('POST /messages/{id}/events: moderation.correct', () => {
  it('corrects the rubric and the recipient, offers the event and lists the history line', async () => {
    const w = world();
    const id = await drive(w, []);
    const before = await json<{ availableEvents: string[] }>(
      await w.call('GET', `/messages/${id}`, { as: 'moderator' }),
    );
    expect(before.availableEvents).toContain('moderation.correct');
    const res = await w.call('POST', `/messages/${id}/events`, {
      as: 'moderator',
      body: { type: 'moderation.correct', orgId: 'kam-gov', subcategoryId: 'road-repair' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const history = await json<{ items: { type: string; payload: Record<string, unknown> }[] }>(
      await w.call('GET', `/messages/${id}/history`, { as: 'moderator' }),
    );
    expect(history.items.at(-1)).toMatchObject({
      type: 'moderation.correct',
      payload: {
        from: { orgId: 'kam-roads', subcategoryId: 'potholes' },
        to: { orgId: 'kam-gov', subcategoryId: 'road-repair', factId: null },
      },
    });
  });

  it('refuses a subcategory of another category with a Russian 422 on the field, changing nothing', async () => {
    const w = world();
    const id = await drive(w, []);
    const before = await storeState(w.store);
    const problem = await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'moderator',
        body: { type: 'moderation.correct', subcategoryId: 'school-food' },
      }),
      'validation',
      422,
    );
    expect(String(problem.detail)).toMatch(/не входит в эту категорию/);
    expect((problem.errors as { path: unknown[] }[]).map((e) => e.path.join('.'))).toEqual([
      'categoryId',
    ]);
    await expectProblem(
      await w.call('POST', `/messages/${id}/events`, {
        as: 'coordinatorRoads',
        body: { type: 'moderation.correct', subcategoryId: 'road-repair' },
      }),
      'forbidden',
      403,
    );
    expect(await storeState(w.store)).toBe(before);
  });
});
