/**
 * `tsx bench/scale/explain.ts <viewer> <query label>`: the plan of one list (or folder
 * counts) from `measure.ts` over a filled schema, with EXPLAIN (ANALYZE, BUFFERS).
 */
import { viewersWith } from '../sql/reads.js';
import { loggedScaleStore } from './logged-store.js';
import { INSTITUTIONS } from './scale-world.js';

const viewers = viewersWith(INSTITUTIONS);

import { scaleQueries } from './measure.js';

const [viewerName = '', label = '', schema = 's1m'] = process.argv.slice(2);
const { db, pool, seen, store } = await loggedScaleStore(schema);
const make = Object.entries(viewers).find(([n]) => n.startsWith(viewerName))?.[1];
const who = viewerName.startsWith('{') ? JSON.parse(viewerName) : make?.();
if (!who) throw new Error(`no viewer ${viewerName}`);
console.log(JSON.stringify(who));
seen.length = 0;
if (label === 'counts') await store.folderCounts(who);
else await store.list(who, scaleQueries[label] ?? JSON.parse(label));
for (const q of seen) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]);
  console.log(q.sql, JSON.stringify(q.parameters));
  for (const r of rows) console.log(r['QUERY PLAN']);
}
await db.destroy();
