import type { MessageSnapshot } from '../../pos/workflow.js';
import type { Directory } from '../notifications/directory.js';
import { awaitsAutorules } from './plan.js';
import { type AutoruleRun, type RunAutorulesOptions, runAutorules } from './run.js';
import type { Autorule } from './schema.js';

/** Where a store finds an organisation's autorules (all of them; disabled ones are ignored). */
export type AutoruleSource = (orgId: string) => readonly Autorule[];

/** The same, for a source that reads a database. */
export type AsyncAutoruleSource = (
  orgId: string,
) => readonly Autorule[] | Promise<readonly Autorule[]>;

/**
 * Runs the autorules on a message a store has just written, loading the rules of each
 * organisation the run reaches from `source` — the holding organisation's first, then those
 * of each organisation a rule forwards to. `undefined` when the message is not where rules
 * act (see `awaitsAutorules`): nothing was loaded.
 *
 * @example
 * const run = runAutorulesFrom(written.snapshot, (orgId) => rulesByOrg.get(orgId) ?? [], directory, event.at);
 * for (const { result } of run?.applied ?? []) storeInTheSameWrite(result);
 */
export function runAutorulesFrom(
  snapshot: MessageSnapshot,
  source: AutoruleSource,
  directory: Directory,
  at: string,
  options: RunAutorulesOptions = {},
): AutoruleRun | undefined {
  if (awaitsAutorules(snapshot) !== null) return undefined;
  const loaded = new Map<string, readonly Autorule[]>();
  let orgId = snapshot.context.holdingOrgId;
  for (;;) {
    loaded.set(orgId, source(orgId));
    const run = runAutorules(snapshot, [...loaded.values()].flat(), directory, at, options);
    // The run stopped at an organisation whose rules it has not seen yet: load them and
    // run again from the start (pure, so the same steps are taken up to there).
    orgId = run.snapshot.context.holdingOrgId;
    if (loaded.has(orgId)) return run;
  }
}

/**
 * {@link runAutorulesFrom} with a source that may be asynchronous (a database). Load the
 * rules before opening the write's transaction, or inside it: they are read once per
 * organisation reached.
 *
 * @example
 * const run = await runAutorulesLoading(applied.snapshot, (orgId) => loadAutorules(db, orgId), directory, at);
 */
export async function runAutorulesLoading(
  snapshot: MessageSnapshot,
  source: AsyncAutoruleSource,
  directory: Directory,
  at: string,
  options: RunAutorulesOptions = {},
): Promise<AutoruleRun | undefined> {
  if (awaitsAutorules(snapshot) !== null) return undefined;
  const loaded = new Map<string, readonly Autorule[]>();
  let orgId = snapshot.context.holdingOrgId;
  while (!loaded.has(orgId)) loaded.set(orgId, await source(orgId));
  for (;;) {
    const run = runAutorulesFrom(snapshot, (id) => loaded.get(id) ?? [], directory, at, options);
    if (!run) return undefined;
    orgId = run.snapshot.context.holdingOrgId;
    if (loaded.has(orgId)) return run;
    loaded.set(orgId, await source(orgId));
  }
}
