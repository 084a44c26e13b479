import type { Organisation } from '../schemas/organisation.js';

/**
 * One collator for every indicator table: `label.localeCompare(other, 'ru')` is specified as
 * `new Intl.Collator('ru').compare`, and V8 builds (or looks up) that collator on each call.
 */
const russian = new Intl.Collator('ru');

interface Labelled {
  readonly key: string;
  readonly label: string;
}

/**
 * The order of an indicator table's groups: by label as Russian readers sort it, then by
 * key (two organisations may share a name).
 *
 * @example
 * [{ key: 'b', label: 'Ясли' }, { key: 'a', label: 'Школа' }].sort(byLabel); // Школа, Ясли
 */
export function byLabel(a: Labelled, b: Labelled): number {
  return russian.compare(a.label, b.label) || (a.key < b.key ? -1 : 1);
}

/** Each organisation name's place among a directory's names, collated once per directory. */
const nameRanks = new WeakMap<readonly Organisation[], ReadonlyMap<string, number>>();

function ranksOf(organisations: readonly Organisation[]): ReadonlyMap<string, number> {
  const known = nameRanks.get(organisations);
  if (known !== undefined) return known;
  const names = [...new Set(organisations.map((o) => o.name))].sort(russian.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  names.forEach((name, i) => {
    // Names the collator holds equal share a rank, so the key decides between them.
    if (i > 0 && russian.compare(names[i - 1] as string, name) !== 0) rank += 1;
    ranks.set(name, rank);
  });
  nameRanks.set(organisations, ranks);
  return ranks;
}

/**
 * `rows` sorted {@link byLabel}, without collating thousands of organisations' names on
 * every call: when every label is an organisation's name, by the names' places among all the
 * directory's names (collated once per directory), which is the same order; otherwise
 * {@link byLabel}.
 *
 * @example
 * sortedByLabel(rows, directory.organisations); // a whole country's organisations, by name
 */
export function sortedByLabel<Row extends Labelled>(
  rows: Row[],
  organisations: readonly Organisation[],
): Row[] {
  if (rows.length < 64) return rows.sort(byLabel);
  const ranks = ranksOf(organisations);
  const ranked = rows.map((row) => ({ row, rank: ranks.get(row.label) }));
  if (ranked.some((r) => r.rank === undefined)) return rows.sort(byLabel);
  return ranked
    .sort((a, b) => (a.rank as number) - (b.rank as number) || (a.row.key < b.row.key ? -1 : 1))
    .map((r) => r.row);
}
