import {
  applyCaseEvent,
  availableCaseEvents,
  type CaseCreateEventInput,
  type CaseEventType,
  type CaseSnapshot,
  caseStatusOf,
  caseTimersOf,
  closeReasonSchema,
  type Principal,
  SYSTEM_PRINCIPAL,
  startCase,
} from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers, plausibleCasePayload } from '@reshaem/core/testing';
import { type Candidate, hourAfter } from './candidate.js';
import { persisted } from './canonical.js';

const base = {
  type: 'case.create',
  by: SYSTEM_PRINCIPAL,
  applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18', email: 'test@example.ru' },
  categoryType: 'nko',
  sourceSystem: 'Ростелеком',
  channel: 'Колл-центр',
  stream: 'Прямая линия',
} as const;

/** The cards the walks open: both regions, a source system and a call-centre operator. */
export const onfCreates: Omit<CaseCreateEventInput, 'at'>[] = [
  {
    ...base,
    caseId: 'c-75-drugs',
    number: '340820',
    text: 'Прошу помочь с доставкой лекарств пожилой матери',
    regionCode: '75',
    municipality: 'город Чита',
    address: 'г. Чита, ул. Ленина, 1',
    categoryId: 'medicine',
    subcategoryId: 'drugs',
    sourceId: '3072039',
  },
  {
    ...base,
    by: onfDemoUsers.operator,
    caseId: 'c-51-road',
    number: '340821',
    text: 'Нет пандуса у поликлиники',
    regionCode: '51',
    municipality: 'город Мурманск',
    address: 'г. Мурманск, пр. Ленина, 10',
    categoryType: 'ogv',
    categoryId: 'roads',
    subcategoryId: 'accessibility',
    sourceSystem: null,
    urgent: true,
  },
];

/** Payload variants tried per event type; the rest are tried with pick 0 and 1. */
const picksOf = (type: CaseEventType): number[] =>
  type === 'case.close_request'
    ? [...Array(closeReasonSchema.options.length * 2).keys()]
    : type === 'case.rereview_fix'
      ? [0, 1, 2, 3]
      : [0, 1];

function shapeOf(s: CaseSnapshot): string {
  const c = s.context;
  const failedDays = new Set(
    c.contactAttempts.filter((a) => a.outcome !== 'reached').map((a) => a.at.slice(0, 10)),
  ).size;
  return JSON.stringify([
    caseStatusOf(s),
    c.regionCode,
    c.categoryId,
    c.lock !== null,
    c.executorId,
    c.labels,
    c.postponement !== null,
    c.lastReturn && [c.lastReturn.of, c.lastReturn.unmet],
    c.closure && [c.closure.reason, c.closure.acceptedAt !== null],
    c.resolution && c.resolution.acceptedAt !== null,
    Math.min(failedDays, 3),
    c.rereview?.reason ?? null,
    c.supportRequest !== null,
    c.comments.length > 0,
  ]);
}

function traitsOf(s: CaseSnapshot): string[] {
  const c = s.context;
  const t = [
    `region:${c.regionCode}`,
    `category:${c.categoryId}`,
    `locked:${c.lock !== null}`,
    `assigned:${c.executorId !== null}`,
  ];
  for (const label of c.labels) t.push(`label:${label}`);
  if (c.postponement) t.push('postponement');
  if (c.lastReturn) t.push(`return:${c.lastReturn.of}:${c.lastReturn.unmet ?? 'curator'}`);
  if (c.closure) t.push(`close:${c.closure.reason}:${c.closure.acceptedAt !== null}`);
  if (c.resolution) t.push(`resolution:${c.resolution.acceptedAt !== null}`);
  if (c.contactAttempts.length > 0) t.push('contacted');
  if (c.rereview) t.push(`rereview:${c.rereview.reason}`);
  if (c.supportRequest) t.push('support-request');
  // Most work buttons need the lock: keep locked cards of each kind, not just one.
  return c.lock ? [...t, ...t.map((trait) => `locked+${trait}`)] : t;
}

const everyone: Principal[] = [...Object.values(onfDemoUsers), SYSTEM_PRINCIPAL];
/** A day and an hour between events, so calls fall on different local days. */
const nextInstant = (iso: string) => new Date(Date.parse(iso) + 25 * 3_600_000).toISOString();

/**
 * Every card the real ОНФ workflow reaches from {@link onfCreates}, breadth first: every
 * event every user may send, with plausible payloads, the lock facts a store would pass
 * for a single card, the postponement timer at its instant. Cards that carry the same
 * things in the same status count once.
 */
export function exploreOnf(limit = 1500, maxDepth = 12): Candidate[] {
  const directory = createOnfDemoDirectory();
  const start = '2025-01-15T03:00:00.000Z';
  const seen = new Set<string>();
  const out: Candidate[] = [];
  let frontier: { snapshot: CaseSnapshot; at: string }[] = [];
  const keep = (snapshot: CaseSnapshot, at: string) => {
    const shape = shapeOf(snapshot);
    if (seen.has(shape)) return false;
    seen.add(shape);
    out.push({
      snapshot: persisted(snapshot),
      status: caseStatusOf(snapshot),
      now: hourAfter(at),
      traits: traitsOf(snapshot),
    });
    return true;
  };
  for (const create of onfCreates) {
    const started = startCase({ ...create, at: start }, directory);
    if (!started.ok) throw new Error(`case.create refused: ${started.error.message}`);
    keep(started.snapshot, start);
    frontier.push({ snapshot: started.snapshot, at: start });
  }
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth += 1) {
    const next: typeof frontier = [];
    for (const here of frontier) {
      const card = here.snapshot.context;
      for (const by of everyone) {
        const facts = { heldCardIds: card.lock?.holderId === by.id ? [card.id] : [] };
        for (const type of availableCaseEvents(here.snapshot, by, directory, facts)) {
          for (const pick of picksOf(type)) {
            let at = nextInstant(here.at);
            const timer = caseTimersOf(here.snapshot).find((t) => t.event.type === type);
            if (timer && timer.fireAt > at) at = timer.fireAt;
            const payload = plausibleCasePayload(type, here.snapshot, directory, at, pick);
            const event = { ...payload, type, at, by };
            const result = applyCaseEvent(here.snapshot, event, directory, facts);
            if (!result.ok || !keep(result.snapshot, at)) continue;
            next.push({ snapshot: result.snapshot, at });
            if (out.length >= limit) return out;
          }
        }
      }
    }
    frontier = next;
  }
  return out;
}
