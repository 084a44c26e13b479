import { performance } from 'node:perf_hooks';
import type { SqlStore } from '@reshaem/adapters-sql';
import type pg from 'pg';
import {
  CLIENTS,
  fmt,
  log,
  moderator,
  ms,
  pick,
  potholeSubmit,
  registrar,
  run,
  WRITE_SECONDS,
  writeOrgs,
} from './world.js';

export const registrationUpdate = (n: number) => ({
  type: 'registration.update',
  at: new Date().toISOString(),
  by: registrar,
  registrationNumber: `REG-${n}`,
});

/** Messages in coordination at the writers' organisations, `perClient` for each client. */
export async function writeTargets(store: SqlStore, prefix: string, perClient: number) {
  const sets: string[][] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const ids: string[] = [];
      for (let k = 0; k < perClient; k++) {
        const id = `${prefix}-${c}-${k}`;
        const orgId = writeOrgs[(c * perClient + k) % writeOrgs.length] as string;
        const created = await store.submit(potholeSubmit(id, orgId));
        if (!created.ok) throw new Error(created.error.message);
        const at = new Date().toISOString();
        const accepted = await store.send(id, { type: 'moderation.accept', at, by: moderator });
        if (!accepted.ok) throw new Error(accepted.error.message);
        ids.push(id);
      }
      sets[c] = ids;
    }),
  );
  return sets;
}

/** Runs `write` from 8 concurrent clients for `seconds`; returns events per second. */
export async function throughput(
  seconds: number,
  write: (client: number, n: number) => Promise<void>,
) {
  let events = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = 0; performance.now() < until; n++) {
        await write(c, n);
        events += 1;
      }
    }),
  );
  return events / (ms(t0) / 1000);
}

export async function benchWrites(store: SqlStore, pool: pg.Pool) {
  const storeSets = await writeTargets(store, `w-store-${run}`, 100);
  const bareSets = await writeTargets(store, `w-bare-${run}`, 100);
  const viaStore = async (c: number, n: number) => {
    const result = await store.send(pick(storeSets[c] ?? []), registrationUpdate(n));
    if (!result.ok) throw new Error(result.error.message);
  };

  // The baseline: what any durable version-checked write of the same data costs.
  const bare = new Map<string, { version: number; snapshot: string; holding: string }>();
  for (const id of bareSets.flat()) {
    const m = await store.get(id);
    if (!m) throw new Error(`no ${id}`);
    bare.set(id, {
      version: m.version,
      snapshot: JSON.stringify(m.snapshot),
      holding: m.snapshot.context.holdingOrgId,
    });
  }
  /** One event as bare SQL: prepared (named) statements, or plain ones parsed every time. */
  const bareSql = (prepared: boolean) => async (c: number, n: number) => {
    const id = pick(bareSets[c] ?? []);
    const m = bare.get(id);
    if (!m) throw new Error(`no ${id}`);
    const at = new Date().toISOString();
    const record = { type: 'registration.update', at, by: { id: registrar.id }, n };
    const update = {
      text: `UPDATE messages SET snapshot = $1::jsonb, version = $2, updated_at = $3
        WHERE id = $4 AND version = $5`,
      values: [m.snapshot, m.version + 1, at, id, m.version],
    };
    const insert = {
      text: `INSERT INTO message_history
          (message_id, version, type, at, by_id, from_status, to_status, holding_org_id, record)
        VALUES ($1, $2, 'registration.update', $3, $4, 'coordination', 'coordination', $5, $6::jsonb)`,
      values: [id, m.version + 1, at, registrar.id, m.holding, JSON.stringify(record)],
    };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const updated = await client.query(prepared ? { name: 'bare_update', ...update } : update);
      if (updated.rowCount !== 1) throw new Error('baseline lost a version check');
      await client.query(prepared ? { name: 'bare_insert', ...insert } : insert);
      await client.query('COMMIT');
      m.version += 1;
    } finally {
      client.release();
    }
  };

  await throughput(2, bareSql(true)); // warm-up
  await throughput(2, viaStore);
  const rounds: Array<{ store: number; prepared: number; plain: number }> = [];
  for (let round = 0; round < 2; round++) {
    const prepared = await throughput(WRITE_SECONDS / 2, bareSql(true));
    const plain = await throughput(WRITE_SECONDS / 2, bareSql(false));
    const storeRate = await throughput(WRITE_SECONDS / 2, viaStore);
    rounds.push({ store: storeRate, prepared, plain });
  }
  const mean = (k: 'store' | 'prepared' | 'plain') =>
    rounds.reduce((sum, r) => sum + r[k], 0) / rounds.length;
  const [storeRate, prepared, plain] = [mean('store'), mean('prepared'), mean('plain')];
  log(`  through the store (send: read, rules, one write statement):  ${fmt(storeRate)} events/s`);
  log(`  bare SQL, prepared (version-checked UPDATE + history INSERT): ${fmt(prepared)} events/s`);
  log(`  bare SQL, plain statements:                                   ${fmt(plain)} events/s`);
  log(
    `  ratio: ${(storeRate / prepared).toFixed(2)} to prepared bare SQL, ` +
      `${(storeRate / plain).toFixed(2)} to plain (target ≥ 0.6)`,
  );
}

// ---------------------------------------------------------------- 2. reads
