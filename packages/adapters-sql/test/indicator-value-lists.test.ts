import { percentileDisc } from '@reshaem/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIntegers, select, ValueBuffer } from '../src/store/pos/indicator-value-lists.js';

/* The values PostgreSQL sends by organisation (`valueListsStatement`), read in Node. */

const asArrayText = (values: readonly number[]) => `{${values.join(',')}}`;
const ascending = (a: number, b: number) => a - b;
const integer = fc.integer({ min: -5_000_000_000, max: 90_000_000_000 });
// Few distinct values too: ties at the percentiles' positions.
const group = fc.oneof(
  fc.array(integer, { maxLength: 40 }),
  fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 150 }),
);

describe('value lists', () => {
  it('parses the text of an integer array, negative and large values included', () => {
    const out = new Float64Array(8);
    expect(parseIntegers('{86832000,-3,0,9007199254740991}', out, 1)).toBe(5);
    expect([...out.subarray(1, 5)]).toEqual([86_832_000, -3, 0, 9_007_199_254_740_991]);
    expect(parseIntegers(null, out, 5)).toBe(5);
  });

  it("gives each group's and all groups' percentiles as percentile_disc does", () => {
    fc.assert(
      fc.property(fc.array(group, { maxLength: 12 }), (groups) => {
        const capacity = groups.reduce((sum, values) => sum + values.length, 0);
        const buffer = new ValueBuffer(capacity);
        for (const values of groups) {
          const sorted = [...values].sort(ascending);
          const text = values.length === 0 ? null : asArrayText(values);
          buffer.readGroup(text);
          expect([buffer.percentile(0.5), buffer.percentile(0.9)]).toEqual([
            percentileDisc(sorted, 0.5),
            percentileDisc(sorted, 0.9),
          ]);
        }
        const all = groups.flat().sort(ascending);
        expect(buffer.percentileOfAll(0.5)).toBe(percentileDisc(all, 0.5));
        expect(buffer.percentileOfAll(0.9)).toBe(percentileDisc(all, 0.9));
      }),
      { numRuns: 300 },
    );
  });

  it('selects the k-th smallest value', () => {
    fc.assert(
      fc.property(fc.array(integer, { minLength: 1, maxLength: 500 }), fc.nat(), (values, seed) => {
        const k = seed % values.length;
        const sorted = [...values].sort(ascending);
        expect(select(Float64Array.from(values), k)).toBe(sorted[k]);
      }),
    );
  });
});
