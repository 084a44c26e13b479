import type { IndicatorRow } from '@reshaem/core';
import { expect } from 'vitest';
import { drive, json, operatorBody, type TestWorld, toAnswerSent, toInWork } from '../support.js';

/** The answer the Kamchatka roads executor submits, and its approval. */
const answerSteps = [
  {
    as: 'executorRoads' as const,
    event: { type: 'answer.submit', answer: { type: 'resolved', text: 'Яма заделана' } },
  },
  { as: 'headRoads' as const, event: { type: 'answer.approve' } },
];

/** The instant the late answer is approved: 10.02.2025, well past every January deadline. */
export const LATE_ANSWER_AT = '2025-02-10T00:00:00.000Z';

/**
 * Hand-built lives through the API, from 15.01.2025 (T0) on: at the Kamchatka roads
 * ministry one message answered on time and rated 4, one rejected at moderation, one left
 * in work (overdue by February), one answered on 10.02 (late); at the Ulyanovsk roads
 * agency one phoned-in message left in coordination. Returns the ids in that order.
 */
export async function buildIndicatorWorld(w: TestWorld) {
  const onTime = await drive(w, toAnswerSent);
  const rate = await w.call('POST', `/messages/${onTime}/events`, {
    as: 'applicant',
    body: { type: 'rating.submit', score: 4 },
  });
  expect(rate.status, await rate.clone().text()).toBe(200);
  const rejected = await drive(w, [
    { as: 'moderator', event: { type: 'moderation.reject', reason: 'Не по теме портала' } },
  ]);
  const open = await drive(w, toInWork);
  const late = await drive(w, toInWork);
  const uly = await drive(w, [], { as: 'operator', body: operatorBody() });
  w.clock.now = new Date(LATE_ANSWER_AT);
  for (const step of answerSteps) {
    const res = await w.call('POST', `/messages/${late}/events`, {
      as: step.as,
      body: step.event,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  return { onTime, rejected, open, late, uly };
}

export interface IndicatorsBody {
  from: string;
  to: string;
  groupBy: string;
  countedAt: string;
  rows: IndicatorRow[];
  totals: IndicatorRow;
}

/** GET /analytics/indicators as a user, expecting 200 JSON. */
export async function indicatorsOf(w: TestWorld, as: string, query: string) {
  const res = await w.call('GET', `/analytics/indicators?${query}`, { as: as as never });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return json<IndicatorsBody>(res);
}
