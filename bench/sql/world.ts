/** The bench's world: its knobs, organisations, principals and helpers. */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  createDirectory,
  type OrganisationInput,
  type Principal,
  type SubmitEventInput,
} from '@reshaem/core';
import { demoCatalogue } from '@reshaem/core/testing';

/** The bench's knobs (environment variables; the bench is no turbo task). */
export const knob = (name: string): string | undefined => process.env[name];

export const url = knob('DATABASE_URL');
if (!url) {
  console.error('set DATABASE_URL to a PostgreSQL database the bench may create a schema in');
  process.exit(2);
}
export const TOTAL = Number(knob('MESSAGES') ?? 1_000_000);
export const CLIENTS = 8;
export const WRITE_SECONDS = Number(knob('WRITE_SECONDS') ?? 10);
export const SAMPLES = 60;
export const kept = knob('BENCH_SCHEMA');
export const schema = kept ?? `reshaem_bench_${randomBytes(4).toString('hex')}`;
export const run = randomBytes(3).toString('hex');

// ---------------------------------------------------------------- a national-shaped world
export const regionCodes = Array.from({ length: 79 }, (_, i) => String(i + 1).padStart(2, '0'));
export const organisations: OrganisationInput[] = regionCodes.flatMap((rc) => [
  { id: `r${rc}`, name: `Правительство региона ${rc}`, regionCode: rc, coordinatesRegion: true },
  ...Array.from({ length: 10 }, (_, m) => [
    {
      id: `r${rc}-m${m}`,
      name: `Министерство ${m} региона ${rc}`,
      parentId: `r${rc}`,
      regionCode: rc,
    },
    ...Array.from({ length: 10 }, (_, s) => ({
      id: `r${rc}-m${m}-s${s}`,
      name: `Учреждение ${s} министерства ${m} региона ${rc}`,
      parentId: `r${rc}-m${m}`,
      regionCode: rc,
    })),
  ]).flat(),
]);
export const orgIds = organisations.map((o) => o.id);
export const writeOrgs = orgIds.filter((id) => id.endsWith('-s0')).slice(0, 16);
export const applicant: Principal = { id: 'app-bench', roles: [{ role: 'applicant' }] };
export const moderator: Principal = { id: 'mod-all', roles: [{ role: 'moderator' }] };

/** A pothole message from the bench's applicant to `orgId`, the write benches' submit. */
export const potholeSubmit = (messageId: string, orgId: string): SubmitEventInput => ({
  type: 'submit',
  at: new Date().toISOString(),
  by: applicant,
  messageId,
  number: messageId,
  channel: 'epgu_form',
  orgId,
  regionCode: orgId.slice(1, 3),
  applicant: { name: 'Иванов Иван Иванович' },
  text: 'Глубокая яма на проезжей части у дома 5',
  categoryId: 'roads',
  subcategoryId: 'potholes',
  factId: 'pothole-street',
});
export const registrar: Principal = {
  id: 'coord-bench',
  roles: writeOrgs.map((orgId) => ({ role: 'coordinator', orgId })),
};
export const directory = createDirectory({
  organisations,
  users: [applicant, moderator, registrar],
  catalogue: demoCatalogue,
});

export const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(Math.random() * items.length)] as T;
export const ms = (t0: number) => performance.now() - t0;
export const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
export const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const log = (line = '') => console.log(line);

// ---------------------------------------------------------------- seeding, on the server
export const phrases = [
  'Глубокая яма на проезжей части у дома',
  'Не убран снег во дворе',
  'Очередь в поликлинике на три недели',
  'Плохое питание в школе',
  'Не работает уличное освещение',
  'Разбитая дорога на улице',
  'Мусор не вывозят неделю',
  'Нет горячей воды в доме',
];
export const subcategories = [
  ['roads', 'potholes', 'pothole-street', true],
  ['roads', 'potholes', 'pothole-yard', true],
  ['roads', 'road-repair', null, false],
  ['education', 'school-food', null, true],
  ['health', 'clinic-queue', null, false],
] as const;
