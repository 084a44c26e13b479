import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantSchema } from '../../../src/kernel/schemas/primitives.js';

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/** The same instant written as a person or a system might: any offset, any precision. */
const written = fc
  .record({
    ms: fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2199, 11, 31) }),
    offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
    precision: fc.constantFrom(0, 1, 3, 6),
  })
  .map(({ ms, offset, precision }) => {
    const local = new Date(ms + offset * 60_000).toISOString(); // the wall clock at that offset
    const seconds = local.slice(0, 19);
    const fraction = precision === 0 ? '' : `.${local.slice(20, 23).padEnd(precision, '0')}`;
    const zone = offset === 0 ? 'Z' : offsetText(offset);
    const exact =
      precision === 0
        ? Math.floor(ms / 1000) * 1000
        : precision === 1
          ? Math.floor(ms / 100) * 100
          : ms;
    return { text: `${seconds}${fraction.slice(0, precision + 1)}${zone}`, exact };
  });

describe('instantSchema', () => {
  it('normalises every way of writing an instant to the one UTC form', () => {
    fc.assert(
      fc.property(written, ({ text, exact }) => {
        expect(instantSchema.parse(text)).toBe(new Date(exact).toISOString());
      }),
    );
  });

  it('passes the normal form through unchanged and refuses what is not an instant', () => {
    expect(instantSchema.parse('2025-01-15T11:18:00.000Z')).toBe('2025-01-15T11:18:00.000Z');
    expect(instantSchema.parse('2025-01-15T23:18:00.000+12:00')).toBe('2025-01-15T11:18:00.000Z');
    for (const bad of [
      '2025-02-30T11:18:00.000Z',
      '2025-01-15 11:18:00.000Z',
      '2025-01-15T11:18:00.000',
      'yesterday',
    ]) {
      expect(instantSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
