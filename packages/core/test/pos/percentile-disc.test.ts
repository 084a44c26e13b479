import { describe, expect, it } from 'vitest';
import { percentileDisc, percentileDiscIndex } from '../../src/index.js';

describe('percentileDisc: the value at position ⌈p·n⌉, as PostgreSQL’s percentile_disc', () => {
  it('takes the lower middle of an even count for the median, and the first for p = 0', () => {
    expect(percentileDisc([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentileDisc([10, 20, 30], 0.5)).toBe(20);
    expect(percentileDisc([10, 20, 30], 0)).toBe(10);
  });

  it('rounds p·n up, so p90 of ten values is the ninth and of eleven the tenth', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileDisc(ten, 0.9)).toBe(9);
    expect(percentileDisc([...ten, 11], 0.9)).toBe(10);
    expect(percentileDisc(ten, 1)).toBe(10);
  });

  it('has no value for no values, and the one value for one', () => {
    expect(percentileDisc([], 0.5)).toBeNull();
    expect(percentileDisc([7], 0.9)).toBe(7);
  });

  it('picks the index percentileDiscIndex names, for every p in hundredths and n up to 40', () => {
    for (let n = 1; n <= 40; n += 1) {
      const values = Array.from({ length: n }, (_, k) => k * 3);
      for (let hundredths = 0; hundredths <= 100; hundredths += 1) {
        const p = hundredths / 100;
        const index = percentileDiscIndex(p, n);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(n);
        expect(index + 1).toBe(Math.max(1, Math.ceil(p * n)));
        expect(percentileDisc(values, p)).toBe(values[index]);
      }
    }
  });
});
