/**
 * Deadline computations per second: a calendar-day rule and a working-day rule through
 * `computeDeadline`, side by side with a bare date-fns baseline for the same inputs
 * (`toZonedTime` → `addDays` → 23:59 → `fromZonedTime`), measured in the same run.
 *
 *   npx tsx --conditions=@reshaem/source bench/deadlines.ts
 */

import { pathToFileURL } from 'node:url';
import { addDays } from 'date-fns';
import { fromZonedTime, toZonedTime } from 'date-fns-tz';
import { computeDeadline, REGIONS } from '../packages/core/src/kernel/deadlines/index.js';

interface Input {
  registeredAt: string;
  timeZone: string;
}

interface Result {
  name: string;
  opsPerSecond: number;
}

const WARM_UP_MS = 300;
const MEASURE_MS = 1_000;
const DAYS = 10;

/** Deterministic inputs: instants across 2024–2026 in every region's zone. */
function makeInputs(count: number): Input[] {
  const zones = [...new Set(REGIONS.map((r) => r.timeZone))];
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 11, 1) - start;
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: count }, () => ({
    registeredAt: new Date(start + Math.floor(next() * span)).toISOString(),
    timeZone: zones[Math.floor(next() * zones.length)] ?? 'Europe/Moscow',
  }));
}

let sink = 0;

function measure(name: string, inputs: Input[], run: (input: Input) => string): Result {
  const loop = (ms: number) => {
    let ops = 0;
    const began = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (const input of inputs) sink += run(input).length;
      ops += inputs.length;
      elapsed = performance.now() - began;
    }
    return ops / (elapsed / 1_000);
  };
  loop(WARM_UP_MS);
  return { name, opsPerSecond: loop(MEASURE_MS) };
}

const baseline = ({ registeredAt, timeZone }: Input): string => {
  const last = addDays(toZonedTime(registeredAt, timeZone), DAYS);
  last.setHours(23, 59, 0, 0);
  return fromZonedTime(last, timeZone).toISOString();
};

export function main(): Result[] {
  const inputs = makeInputs(1_024);
  const results = [
    measure('baseline: date-fns addDays + fromZonedTime', inputs, baseline),
    measure(
      `computeDeadline, ${DAYS} calendar days`,
      inputs,
      (input) => computeDeadline({ ...input, rule: { days: DAYS, unit: 'calendar' } }).dueAt,
    ),
    measure(
      `computeDeadline, ${DAYS} working days`,
      inputs,
      (input) => computeDeadline({ ...input, rule: { days: DAYS, unit: 'working' } }).dueAt,
    ),
  ];
  const base = results[0]?.opsPerSecond ?? 1;
  console.log(
    `deadlines (${inputs.length} inputs, ${MEASURE_MS} ms each after ${WARM_UP_MS} ms warm-up)`,
  );
  console.table(
    results.map((r) => ({
      case: r.name,
      'ops/s': Math.round(r.opsPerSecond).toLocaleString('en-US'),
      'µs/op': (1e6 / r.opsPerSecond).toFixed(2),
      'vs baseline': `${(r.opsPerSecond / base).toFixed(2)}×`,
    })),
  );
  if (sink === 0) console.log('(nothing computed)');
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
