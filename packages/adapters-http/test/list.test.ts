import { describe, expect, it } from 'vitest';
import {
  type CallOptions,
  drive,
  expectProblem,
  json,
  operatorBody,
  potholeBody,
  type TestWorld,
  toAssigned,
  world,
} from './support.js';

interface Page {
  items: { id: string; status: { code: string }; message: Record<string, unknown> }[];
  nextCursor: string | null;
}

async function list(w: TestWorld, query: string, as: CallOptions['as'] = 'coordinatorGov') {
  const res = await w.call('GET', `/messages${query}`, { as });
  expect(res.status, await res.clone().text()).toBe(200);
  return json<Page>(res);
}

/** Five messages in Kamchatka and one in Ulyanovsk, created a minute apart. */
async function seed(): Promise<TestWorld> {
  const w = world();
  await drive(w, []);
  w.clock.advance(1);
  await drive(w, toAssigned, {
    as: 'applicant',
    body: potholeBody({ text: 'Яма у школы', factId: 'pothole-yard' }),
  });
  w.clock.advance(1);
  await drive(w, [], {
    as: 'applicant2',
    body: potholeBody({
      channel: 'org_widget',
      subcategoryId: 'road-repair',
      factId: null,
      text: 'Ремонт дороги',
    }),
  });
  w.clock.advance(1);
  await drive(w, [], {
    as: 'applicant',
    body: potholeBody({ channel: 'epgu_widget', lawType: 'appeal_59fz' }),
  });
  w.clock.advance(1);
  await drive(w, [], { as: 'operator', body: operatorBody() });
  return w;
}

describe('GET /messages', () => {
  it('scopes the list to the caller', async () => {
    const w = await seed();
    expect((await list(w, '', 'coordinatorGov')).items).toHaveLength(4);
    expect((await list(w, '', 'coordinatorUly')).items).toHaveLength(1);
    expect((await list(w, '', 'applicant')).items).toHaveLength(3);
    expect((await list(w, '', 'applicant2')).items).toHaveLength(1);
    expect((await list(w, '', 'executorRoads')).items).toHaveLength(1);
    expect((await list(w, '', 'operator')).items).toHaveLength(1);
    expect((await list(w, '', 'coordinatorEdu')).items).toHaveLength(0);
  });

  it('filters by every SPEC §7 filter', async () => {
    const w = await seed();
    const ids = async (q: string) => (await list(w, q)).items.map((i) => i.id).sort();
    expect(await ids('?statuses=executor_assigned')).toEqual(['m-2']);
    expect(await ids('?statuses=executor_assigned&statuses=moderation')).toEqual([
      'm-1',
      'm-2',
      'm-3',
      'm-4',
    ]);
    expect(await ids('?folder=in_work')).toEqual(['m-2']);
    expect(await ids('?orgIds=kam-roads')).toHaveLength(4);
    expect(await ids('?executorIds=exec-kam-roads')).toEqual(['m-2']);
    expect(await ids('?categoryIds=roads&subcategoryIds=road-repair')).toEqual(['m-3']);
    expect(await ids('?factIds=pothole-yard')).toEqual(['m-2']);
    expect(await ids('?source=site')).toEqual(['m-3']);
    expect(await ids('?source=epgu')).toEqual(['m-1', 'm-2', 'm-4']);
    expect(await ids('?channels=epgu_widget')).toEqual(['m-4']);
    expect(await ids('?fastTrack=false')).toEqual(['m-3']);
    expect(await ids('?overdue=true')).toEqual([]);
    expect(await ids('?delegatedByAutorule=false')).toHaveLength(4);
    expect(await ids('?text=%D1%88%D0%BA%D0%BE%D0%BB')).toEqual(['m-2']);
    expect(await ids('?createdFrom=2025-01-15T11:19:00Z&createdTo=2025-01-15T11:22:30Z')).toEqual([
      'm-2',
      'm-3',
    ]);
  });

  it('sorts by any date both ways and pages with the cursor', async () => {
    const w = await seed();
    const desc = await list(w, '?sort=createdAt&direction=desc');
    expect(desc.items.map((i) => i.id)).toEqual(['m-4', 'm-3', 'm-2', 'm-1']);
    const asc = await list(w, '?sort=updatedAt&direction=asc');
    expect(asc.items.at(-1)?.id).toBe('m-4');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(
        w,
        `?limit=3&direction=asc${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['m-1', 'm-2', 'm-3', 'm-4']);
    const byRegistration = await list(w, '?sort=registeredAt&direction=desc');
    expect(byRegistration.items[0]?.id).toBe('m-2');
  });

  it('refuses unknown parameters, bad values, pages over the limit and broken cursors (422)', async () => {
    const w = world({ limits: { pageSize: 20 } });
    for (const [query, path] of [
      ['?statuss=moderation', 'statuss'],
      ['?statuses=nope', 'statuses.0'],
      ['?limit=21', 'limit'],
      ['?limit=0', 'limit'],
      ['?limit=ten', 'limit'],
      ['?fastTrack=yes', 'fastTrack'],
      ['?sort=number', 'sort'],
      ['?sort=createdAt&sort=updatedAt', 'sort'],
      ['?cursor=%%%', 'cursor'],
      ['?createdFrom=yesterday', 'createdFrom'],
    ] as const) {
      const problem = await expectProblem(
        await w.call('GET', `/messages${query}`, { as: 'coordinatorGov' }),
        'validation',
        422,
      );
      const paths = (problem.errors as { in: string; path: unknown[] }[]).map(
        (e) => `${e.in}:${e.path.join('.')}`,
      );
      expect(paths, query).toContain(`query:${path}`);
    }
    expect((await w.call('GET', '/messages?limit=20', { as: 'coordinatorGov' })).status).toBe(200);
  });
});
