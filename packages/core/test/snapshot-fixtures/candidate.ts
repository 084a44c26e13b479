import type { PersistedSnapshot } from './format.js';

/** A snapshot the exploration reached, the instant after its last event, what it carries. */
export interface Candidate {
  snapshot: PersistedSnapshot;
  status: string;
  /** An hour after the event that made the snapshot: when the fixture's users act. */
  now: string;
  /** Traits that tell snapshots of one status apart (region, branch, loop …). */
  traits: string[];
}

export const hourAfter = (iso: string): string =>
  new Date(Date.parse(iso) + 3_600_000).toISOString();

/**
 * Up to `most` candidates per status, at least `fewest` when there are that many, chosen
 * greedily: each next pick is the earliest candidate that brings the most traits not yet
 * covered in its status. Deterministic for a given input order.
 */
export function selectVaried(candidates: readonly Candidate[], fewest = 3, most = 8): Candidate[] {
  const byStatus = new Map<string, Candidate[]>();
  for (const c of candidates) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
  const chosen: Candidate[] = [];
  for (const group of byStatus.values()) {
    const covered = new Set<string>();
    const left = [...group];
    const picked: Candidate[] = [];
    while (left.length > 0 && picked.length < most) {
      let best = 0;
      let bestGain = -1;
      left.forEach((c, i) => {
        const gain = c.traits.filter((t) => !covered.has(t)).length;
        if (gain > bestGain) [best, bestGain] = [i, gain];
      });
      if (bestGain === 0 && picked.length >= fewest) break;
      const [next] = left.splice(best, 1);
      if (!next) break;
      for (const t of next.traits) covered.add(t);
      picked.push(next);
    }
    chosen.push(...picked);
  }
  return chosen;
}
