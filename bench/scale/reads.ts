/**
 * `tsx bench/scale/reads.ts [schema] [limit]`: how many index entries and rows every list of
 * `measure.ts` reads over a filled schema (EXPLAIN ANALYZE of the page query, the page's own
 * rows fetched by id left out), for each kind of viewer in the largest, a middle and the
 * smallest region (its coordinator, its moderator, its first ministry's coordinator), sorted
 * by entries read. What a list reads is what it costs as data grows:
 * a page or a narrow set reads the same at ten million messages, a scope ten times more.
 * Lines reading more than `limit` (default 3,000) are marked.
 */
import type { Principal } from '@reshaem/core';
import { loggedScaleStore } from './logged-store.js';
import { scaleQueries } from './measure.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

const [schema = 's1m', limitArg = '3000'] = process.argv.slice(2);
const limit = Number(limitArg);
const { db, pool, seen, store } = await loggedScaleStore(schema);

/** Entries each scan read (returned and filtered out) with its index, but the page's fetch. */
function scans(node: PlanNode, out: Array<{ index: string; read: number }>) {
  if (node['Node Type'].includes('Scan') && node['Index Name'] !== 'messages_pkey') {
    const read =
      node['Actual Rows'] * node['Actual Loops'] +
      (node['Rows Removed by Filter'] ?? 0) +
      (node['Rows Removed by Index Recheck'] ?? 0);
    out.push({ index: node['Index Name'] ?? node['Relation Name'] ?? node['Node Type'], read });
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

const { rows: sizes } = await pool.query<{ r: string; n: number }>(
  `SELECT split_part(holding_org_id, '-', 1) AS r, count(*)::int AS n FROM messages
   GROUP BY 1 ORDER BY 2 DESC`,
);
const regions = [sizes[0], sizes[Math.floor(sizes.length / 2)], sizes.at(-1)].filter(
  (r) => r !== undefined,
);
const viewers: Array<[string, Principal]> = [
  ['operator', { id: 'op', roles: [{ role: 'operator' }] }],
  ['platform moderator', { id: 'v', roles: [{ role: 'moderator' }] }],
  ...regions.flatMap(
    ({ r, n }): Array<[string, Principal]> => [
      [`coordinator ${r} (${n})`, { id: 'v', roles: [{ role: 'coordinator', orgId: r }] }],
      [`moderator ${r}`, { id: 'v', roles: [{ role: 'moderator', orgId: r }] }],
      [`coordinator ${r}-m0`, { id: 'v', roles: [{ role: 'coordinator', orgId: `${r}-m0` }] }],
    ],
  ),
];
const lines: Array<{ read: number; line: string }> = [];
for (const [name, who] of viewers) {
  for (const [label, query] of Object.entries(scaleQueries)) {
    seen.length = 0;
    await store.list(who, query);
    const page = seen.find((q) => q.sql.includes('AS page'));
    if (!page) continue;
    const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${page.sql}`,
      [...page.parameters],
    );
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!plan) continue;
    const read = scans(plan, []);
    const total = read.reduce((sum, s) => sum + s.read, 0);
    const where = read.map((s) => `${s.index} ${s.read.toLocaleString('en')}`).join(', ');
    lines.push({
      read: total,
      line: `${total > limit ? '!' : ' '} ${total.toLocaleString('en').padStart(9)}  ${name.padEnd(26)} ${label.padEnd(32)} ${where}`,
    });
  }
}
for (const { line } of lines.sort((a, b) => b.read - a.read)) console.log(line);
await db.destroy();
