import { performance } from 'node:perf_hooks';
import type { SqlStore } from '@reshaem/adapters-sql';
import type { MessageQueryInput, Principal } from '@reshaem/core';
import { fmt, log, ms, pct, pick, regionCodes, SAMPLES } from './world.js';

export const rc = () => pick(regionCodes);
export const digit = () => Math.floor(Math.random() * 10);
/**
 * The viewers the list benches sample, named with the organisations their scope holds when
 * each ministry has `institutions` institutions (10 in the SQL store bench; the scale bench's
 * `SCALE_INSTITUTIONS`).
 */
export const viewersWith = (institutions: number): Record<string, () => Principal> => ({
  [`coordinator of a region (${1 + 10 * (1 + institutions)} orgs)`]: () => ({
    id: 'v',
    roles: [{ role: 'coordinator', orgId: `r${rc()}` }],
  }),
  [`coordinator of a ministry (${1 + institutions} orgs)`]: () => ({
    id: 'v',
    roles: [{ role: 'coordinator', orgId: `r${rc()}-m${digit()}` }],
  }),
  'coordinator of an institution': () => ({
    id: 'v',
    roles: [{ role: 'coordinator', orgId: `r${rc()}-m${digit()}-s${digit()}` }],
  }),
  'executor of a ministry': () => {
    const orgId = `r${rc()}-m${digit()}`;
    return { id: `${orgId}-e${digit() % 5}`, roles: [{ role: 'executor', orgId }] };
  },
  applicant: () => ({
    id: `app-${Math.floor(Math.random() * 200_000)}`,
    roles: [{ role: 'applicant' }],
  }),
  'operator (all phoned-in)': () => ({ id: 'op', roles: [{ role: 'operator' }] }),
  'moderator of a region': () => ({ id: 'v', roles: [{ role: 'moderator', orgId: `r${rc()}` }] }),
  'moderator, platform-wide': () => ({ id: 'v', roles: [{ role: 'moderator' }] }),
});
export const viewers = viewersWith(10);
export const queries: MessageQueryInput[] = [
  {},
  { folder: 'in_work', sort: 'updatedAt' },
  {
    statuses: ['moderation', 'coordination'],
    fastTrack: true,
    sort: 'registeredAt',
    direction: 'asc',
  },
  {
    categoryIds: ['health'],
    createdFrom: '2025-03-01T00:00:00Z',
    createdTo: '2025-03-31T23:59:59Z',
  },
];

export async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  samples.push(ms(t0));
  return result;
}

export async function benchReads(store: SqlStore) {
  const all = { list: [] as number[], text: [] as number[], counts: [] as number[] };
  log(
    `  ${'viewer'.padEnd(38)} ${'list p50/p95'.padStart(14)} ${'3rd page'.padStart(14)} ${'text p50/p95'.padStart(14)} ${'counts p50/p95'.padStart(16)}  (ms)`,
  );
  for (const [name, viewer] of Object.entries(viewers)) {
    const list: number[] = [];
    const paged: number[] = [];
    const text: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const who = viewer();
      const query = queries[i % queries.length] ?? {};
      const first = await timed(list, () => store.list(who, query));
      if (i % queries.length === 0 && first.nextCursor) {
        const second = await store.list(who, { ...query, cursor: first.nextCursor });
        if (second.nextCursor) {
          const cursor = second.nextCursor;
          await timed(paged, () => store.list(who, { ...query, cursor }));
        }
      }
      if (i % 3 === 0) await timed(text, () => store.list(who, { text: 'ЯМА' }));
      await timed(counts, () => store.folderCounts(who));
    }
    all.list.push(...list, ...paged);
    all.text.push(...text);
    all.counts.push(...counts);
    const pair = (xs: number[]) => (xs.length ? `${fmt(pct(xs, 50))}/${fmt(pct(xs, 95))}` : '-');
    log(
      `  ${name.padEnd(38)} ${pair(list).padStart(14)} ${pair(paged).padStart(14)} ${pair(text).padStart(14)} ${pair(counts).padStart(16)}`,
    );
  }
  log(
    `  all list queries: p50 ${fmt(pct(all.list, 50))} ms, p95 ${fmt(pct(all.list, 95))} ms; ` +
      `folder counts: p50 ${fmt(pct(all.counts, 50))} ms, p95 ${fmt(pct(all.counts, 95))} ms ` +
      `(target p95 ≤ 50); text search: p50 ${fmt(pct(all.text, 50))} ms, p95 ${fmt(pct(all.text, 95))} ms`,
  );
}

// ---------------------------------------------------------------- 3. timers
