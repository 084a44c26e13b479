import type { AutoruleRun } from '../kernel/autorules/run.js';
import type { StoreAutoruleOutcome } from './store-port.js';
import type { Applied } from './workflow.js';

/** One autorule event to store after a write: the applied result and the version it makes. */
export interface AutoruleWrite {
  applied: Applied;
  version: number;
}

/**
 * What a store writes and reports for an autorule run that followed a write stored at
 * `version`: each applied event with the next version, and the outcome for the write's
 * result — `undefined` when no rule matched (nothing to report).
 *
 * @example
 * const { writes, outcome } = autoruleWrites(run, written.message.version);
 * for (const w of writes) persist(w.applied, w.version);
 */
export function autoruleWrites(
  run: AutoruleRun | undefined,
  version: number,
): { writes: AutoruleWrite[]; outcome: StoreAutoruleOutcome | undefined } {
  if (!run || (run.applied.length === 0 && run.skipped.length === 0)) {
    return { writes: [], outcome: undefined };
  }
  const writes = run.applied.map((a, i) => ({ applied: a.result, version: version + i + 1 }));
  return {
    writes,
    outcome: {
      applied: run.applied.map((a, i) => ({
        ruleId: a.ruleId,
        orgId: a.orgId,
        version: version + i + 1,
        record: a.result.record,
      })),
      skipped: run.skipped,
    },
  };
}
