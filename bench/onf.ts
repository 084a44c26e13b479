/**
 * Events per second through the ОНФ apply path (`applyCaseEvent`: validate, permit,
 * resolve, transition) on a card that cycles take → call → resolve → return forever, and
 * the cost of one export row.
 *
 *   npx tsx --conditions=@reshaem/source bench/onf.ts
 */
import {
  applyCaseEvent,
  type CaseSnapshot,
  caseExportRow,
  caseStatusOf,
  SYSTEM_PRINCIPAL,
  startCase,
} from '../packages/core/src/index.js';
import { createOnfDemoDirectory, onfDemoUsers as u } from '../packages/core/src/testing/index.js';

const directory = createOnfDemoDirectory();
const T0 = Date.parse('2025-01-15T03:00:00.000Z');
const at = (i: number) => new Date(T0 + i * 60_000).toISOString();
const noLocks = { heldCardIds: [] };

const started = startCase(
  {
    type: 'case.create',
    at: at(0),
    by: SYSTEM_PRINCIPAL,
    caseId: 'bench-1',
    number: '340820',
    applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
    text: 'Прошу помочь с доставкой лекарств',
    regionCode: '75',
    categoryType: 'nko',
    categoryId: 'medicine',
  },
  directory,
);
if (!started.ok) throw new Error(started.error.message);
const assigned = applyCaseEvent(
  started.snapshot,
  { type: 'case.assign', at: at(1), by: u.supervisor75, executorId: u.executor75.id },
  directory,
);
if (!assigned.ok) throw new Error(assigned.error.message);
const inWork = JSON.stringify(assigned.snapshot);

// The comment log and the call log would grow without end; the cycle keeps them short by
// restarting from the stored card every 1,000 events.
const cycle = [
  { type: 'case.lock', by: u.executor75 },
  { type: 'case.contact_attempt', by: u.executor75, outcome: 'no_answer' },
  { type: 'case.resolve', by: u.executor75, description: 'Лекарства доставлены' },
  { type: 'case.return', by: u.curator75, comment: 'Заявитель не подтвердил' },
];

function applyPath(n: number): number {
  let current = JSON.parse(inWork) as CaseSnapshot;
  for (let i = 0; i < n; i++) {
    const result = applyCaseEvent(current, { ...cycle[i % 4], at: at(i + 2) }, directory, noLocks);
    if (!result.ok) throw new Error(result.error.message);
    current = result.snapshot;
  }
  return n;
}

function exportRows(n: number): number {
  const card = JSON.parse(inWork) as CaseSnapshot;
  const item = { id: card.context.id, status: caseStatusOf(card), card: card.context };
  for (let i = 0; i < n; i++) caseExportRow(item, directory);
  return n;
}

function measure(fn: (n: number) => number, ms = 1500): number {
  fn(2000); // warm-up
  let done = 0;
  const startedAt = performance.now();
  while (performance.now() - startedAt < ms) done += fn(1000);
  return done / ((performance.now() - startedAt) / 1000);
}

const rounds = 3;
const apply: number[] = [];
const rows: number[] = [];
for (let r = 0; r < rounds; r++) {
  apply.push(measure(applyPath));
  rows.push(measure(exportRows));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`ОНФ case workflow — node ${process.version}, median of ${rounds} rounds`);
console.table({
  'applyCaseEvent (validate + permit + resolve + transition)': {
    'per second': Math.round(median(apply)),
  },
  'caseExportRow (36 columns)': { 'per second': Math.round(median(rows)) },
});
