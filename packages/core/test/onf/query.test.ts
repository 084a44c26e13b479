import { describe, expect, it } from 'vitest';
import {
  type CaseQueryInput,
  type CaseSnapshot,
  caseQuerySchema,
  caseStatusOf,
  caseViewScopeOf,
  compareCasesForQuery,
  encodeCursor,
  FEDERAL_LABEL,
  isCaseAfterCursor,
  isCaseVisible,
  type ListedCase,
  matchesCaseQuery,
  phoneDigits,
} from '../../src/index.js';
import { at, createCard, directory, drive, start, toHeld, toInWork, users } from './helpers.js';

const listed = (s: CaseSnapshot): ListedCase => ({
  id: s.context.id,
  status: caseStatusOf(s),
  card: s.context,
});

const cards: ListedCase[] = [
  listed(start()),
  listed(
    drive(start(createCard({ caseId: 'c-2', number: '340821', at: at(60) })), [
      ...toHeld,
      { type: 'case.federal_level', by: users.executor75 },
    ]),
  ),
  listed(
    drive(
      start(
        createCard({
          caseId: 'c-3',
          number: '340822',
          at: at(120),
          regionCode: '51',
          municipality: 'город Мурманск',
          address: 'ул. Полярные Зори, 3',
          categoryType: 'ogv',
          categoryId: 'roads',
          subcategoryId: 'accessibility',
          applicant: { name: 'Лотина Мария', phone: '8 (921) 000-11-22' },
          text: 'Нет пандуса у подъезда',
          contactedBefore: true,
          channel: 'Сайт',
          sourceId: 'RTK-9',
        }),
      ),
      [{ type: 'case.assign', by: users.supervisor51, executorId: users.executor51.id }],
    ),
  ),
];

const ids = (query: CaseQueryInput, viewer = users.executor75.id) => {
  const q = caseQuerySchema.parse(query);
  return cards.filter((c) => matchesCaseQuery(c, q, viewer)).map((c) => c.id);
};

describe('the ОНФ filters', () => {
  it('by number, phone (any format), name, text, municipality and address', () => {
    expect(ids({ number: '340821' })).toEqual(['c-2']);
    expect(ids({ phone: '+7 (921) 000' })).toEqual(['c-3']);
    expect(ids({ phone: '89175618918' })).toEqual(['c-1', 'c-2']);
    expect(ids({ applicantName: 'лотина' })).toEqual(['c-3']);
    expect(ids({ text: 'ПАНДУС' })).toEqual(['c-3']);
    expect(ids({ municipality: 'мурманск' })).toEqual(['c-3']);
    expect(ids({ address: 'ленина' })).toEqual(['c-1', 'c-2']);
  });

  it('by category type, topic, region, federal district, source and contact history', () => {
    expect(ids({ categoryTypes: ['ogv'] })).toEqual(['c-3']);
    expect(ids({ categoryTypes: ['nko'], categoryIds: ['medicine'] })).toEqual(['c-1', 'c-2']);
    expect(ids({ subcategoryIds: ['accessibility'] })).toEqual(['c-3']);
    expect(ids({ regionCodes: ['51'] })).toEqual(['c-3']);
    expect(ids({ federalDistricts: ['dfo'] })).toEqual(['c-1', 'c-2']);
    expect(ids({ federalDistricts: ['szfo'] })).toEqual(['c-3']);
    expect(ids({ channels: ['Сайт'] })).toEqual(['c-3']);
    expect(ids({ sourceId: 'RTK-9' })).toEqual(['c-3']);
    expect(ids({ contactedBefore: true })).toEqual(['c-3']);
  });

  it('by labels present and absent: the federal level can always be sifted out', () => {
    expect(ids({ labelsPresent: [FEDERAL_LABEL] })).toEqual(['c-2']);
    expect(ids({ labelsAbsent: [FEDERAL_LABEL] })).toEqual(['c-1', 'c-3']);
  });

  it('by the lock: free, held, mine, others’, «Мои и свободные»', () => {
    expect(ids({ lock: 'free' })).toEqual(['c-1', 'c-3']);
    expect(ids({ lock: 'held' })).toEqual(['c-2']);
    expect(ids({ lock: 'mine' })).toEqual(['c-2']);
    expect(ids({ lock: 'mine' }, users.executor75b.id)).toEqual([]);
    expect(ids({ lock: 'others' }, users.executor75b.id)).toEqual(['c-2']);
    expect(ids({ lock: 'mine_or_free' }, users.executor75b.id)).toEqual(['c-1', 'c-3']);
  });

  it('by status, executor and creation range (inclusive)', () => {
    expect(ids({ statuses: ['new'] })).toEqual(['c-1']);
    expect(ids({ executorIds: ['exec-51'] })).toEqual(['c-3']);
    expect(ids({ createdFrom: at(60), createdTo: at(60) })).toEqual(['c-2']);
    expect(ids({ createdFrom: at(61) })).toEqual(['c-3']);
  });

  it('refuses malformed filters at the edge', () => {
    expect(caseQuerySchema.safeParse({ lock: 'someone' }).success).toBe(false);
    expect(caseQuerySchema.safeParse({ labelsPresent: ['Федеральный'] }).success).toBe(false);
    expect(caseQuerySchema.safeParse({ phone: 'abc' }).success).toBe(false);
  });

  it('compares phones by digits, 8… as +7…', () => {
    expect(phoneDigits('8 (917) 561-89-18')).toBe(phoneDigits('+7(917)561-89-18'));
  });
});

describe('sorting, cursors and visibility', () => {
  it('sorts by creation and pages after a cursor', () => {
    const q = caseQuerySchema.parse({});
    const sorted = [...cards].sort((a, b) => compareCasesForQuery(a, b, q)).map((c) => c.id);
    expect(sorted).toEqual(['c-3', 'c-2', 'c-1']);
    const cursor = { value: cards[1]!.card.createdAt, id: 'c-2' };
    expect(encodeCursor(cursor)).toMatch(/^[\w-]+$/);
    expect(cards.filter((c) => isCaseAfterCursor(c, cursor, q)).map((c) => c.id)).toEqual(['c-1']);
  });

  it('shows staff their region’s cards, executors also their own, platform-wide staff all', () => {
    const visible = (p: Parameters<typeof caseViewScopeOf>[0]) =>
      cards.filter((c) => isCaseVisible(caseViewScopeOf(p, directory), c.card)).map((c) => c.id);
    expect(visible(users.curator75)).toEqual(['c-1', 'c-2']);
    expect(visible(users.executor51)).toEqual(['c-3']);
    expect(visible(users.moderator)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(visible({ id: 'x', roles: [{ role: 'applicant' }] })).toEqual([]);
    const moved = drive(start(), toInWork);
    expect(isCaseVisible(caseViewScopeOf(users.executor75, directory), moved.context)).toBe(true);
  });
});
