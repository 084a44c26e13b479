/**
 * Percentiles computed in Node from the values PostgreSQL sends as one text per group
 * (`array_agg(…)::text`, `{1,2,-3}`): `percentile_disc` of each group, and of all groups
 * together, without PostgreSQL sorting a row. The values are integers (milliseconds,
 * working days) below 2^53, so a `Float64Array` holds them exactly.
 */
import { percentileDiscIndex } from '@reshaem/core';

/**
 * The values of every group of one list, one group after another in one buffer: each
 * group's range is sorted as it is read ({@link ValueBuffer.readGroup}), and the buffer
 * then holds the values of all groups for the totals' percentiles
 * ({@link ValueBuffer.percentileOfAll}).
 */
export class ValueBuffer {
  private readonly values: Float64Array;
  private length = 0;
  private groupStart = 0;

  /** `capacity`: at least as many values as all groups hold (their rows, say). */
  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  /**
   * Reads a group's values from PostgreSQL's text of an integer array (or `null`, no
   * values) and sorts them: the group {@link ValueBuffer.percentile} then speaks of.
   */
  readGroup(text: string | null): void {
    this.groupStart = this.length;
    this.length = parseIntegers(text, this.values, this.length);
    sortRange(this.values, this.groupStart, this.length);
  }

  /** The discrete percentile at `p` of the group read last; `null` for no values. */
  percentile(p: number): number | null {
    const n = this.length - this.groupStart;
    return n === 0 ? null : (this.values[this.groupStart + percentileDiscIndex(p, n)] ?? null);
  }

  /**
   * The discrete percentile at `p` of the values of every group read so far. Reorders the
   * buffer (a selection, not a sort), so read every group first.
   */
  percentileOfAll(p: number): number | null {
    if (this.length === 0) return null;
    return select(this.values.subarray(0, this.length), percentileDiscIndex(p, this.length));
  }
}

/**
 * Parses the integers of `{1,2,-3}` (PostgreSQL's text of a `bigint[]` or `integer[]`
 * without NULLs) into `out` from `at`; returns the index after the last.
 */
export function parseIntegers(text: string | null, out: Float64Array, at: number): number {
  if (text === null) return at;
  let end = at;
  let value = 0;
  let negative = false;
  let inNumber = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
      inNumber = true;
    } else if (code === 45) {
      negative = true;
    } else if (inNumber) {
      out[end] = negative ? -value : value;
      end += 1;
      value = 0;
      negative = false;
      inNumber = false;
    }
  }
  if (inNumber) {
    out[end] = negative ? -value : value;
    end += 1;
  }
  return end;
}

/** Sorts `values[from, to)` ascending: by insertion for a group's few dozen values. */
function sortRange(values: Float64Array, from: number, to: number): void {
  if (to - from > 64) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i += 1) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= from && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j -= 1;
    }
    values[j + 1] = value;
  }
}

/** The `k`-th smallest (0-based) of `values`, found by quickselect; reorders `values`. */
export function select(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >>> 1] as number;
    const c = values[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // median of three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}
