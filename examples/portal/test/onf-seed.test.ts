import {
  type CaseStatus,
  caseStatuses,
  closeReasonSchema,
  FEDERAL_LABEL,
  failedContactDays,
  type StoredCase,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCases } from '../src/seed/onf-seed.js';
import { onfUsers } from '../src/seed/onf-world.js';
import { NOW, startTestPortal, type TestPortal } from './support.js';

describe('the ОНФ demo cards', () => {
  let portal: TestPortal;
  let cards: StoredCase[];

  beforeAll(async () => {
    portal = await startTestPortal();
    cards = (await portal.store.listCases(SYSTEM_PRINCIPAL, { limit: 200 })).items;
  }, 90_000);
  afterAll(() => portal?.close());

  const byId = (id: string) => {
    const card = cards.find((c) => c.id === id);
    if (!card) throw new Error(`no card ${id}`);
    return card;
  };

  it('are seeded through their events, in every status', () => {
    expect(portal.caseSeed).toMatchObject({ seeded: true, cases: demoCases(NOW).length });
    expect(cards).toHaveLength(demoCases(NOW).length);
    const statuses = new Set(cards.map((c) => c.status));
    expect([...statuses].sort()).toEqual(Object.keys(caseStatuses).sort() as CaseStatus[]);
    // Each card's version counts its events: creation, the steps, a timer that fired.
    for (const card of demoCases(NOW)) {
      expect(byId(card.id).version).toBe(1 + card.steps.length + (card.id === 'onf-16' ? 1 : 0));
    }
  });

  it('have a supervisor, executors and a curator in both regions', () => {
    const card41 = byId('onf-03').snapshot.context;
    const card73 = byId('onf-22').snapshot.context;
    expect(card41.supervisorId).toBe(onfUsers.supervisor41.id);
    expect(card73.supervisorId).toBe(onfUsers.supervisor73.id);
    expect(byId('onf-22').snapshot.context.resolution?.acceptedBy).toBe(onfUsers.curator73.id);
    expect(byId('onf-06').snapshot.context.resolution?.acceptedBy).toBe(onfUsers.curator41.id);
  });

  it('include locked cards, each executor holding one at most', async () => {
    const held = cards.filter((c) => c.snapshot.context.lock !== null);
    expect(held.map((c) => c.id).sort()).toEqual(['onf-04', 'onf-27']);
    expect(await portal.store.casesHeldBy(onfUsers.executor41b.id)).toEqual(['onf-04']);
    expect(await portal.store.casesHeldBy(onfUsers.executor41.id)).toEqual([]);
  });

  it('close with every reason, each with what it needs', () => {
    const closed = cards.filter((c) => c.status === 'closed');
    const reasons = closed.map((c) => c.snapshot.context.closure?.reason).sort();
    expect(reasons).toEqual([...closeReasonSchema.options].sort());
    const unreachable = closed.find((c) => c.snapshot.context.closure?.reason === 'unreachable');
    expect(failedContactDays(unreachable?.snapshot.context.contactAttempts ?? []).size).toBe(3);
    const duplicate = closed.find((c) => c.snapshot.context.closure?.reason === 'duplicate');
    expect(duplicate?.snapshot.context.closure?.duplicateOf).toBe('410106');
  });

  it('postpone with due dates, return a card whose date passed, and label federal ones', async () => {
    const postponed = cards.filter((c) => c.status === 'postponed');
    expect(postponed.map((c) => c.id).sort()).toEqual(['onf-07', 'onf-28']);
    for (const card of postponed) {
      expect(card.snapshot.context.postponement?.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await portal.store.caseTimers(card.id)).toHaveLength(1);
    }
    expect(byId('onf-16').status).toBe('in_work');
    expect(portal.caseSeed.timersFired).toBeGreaterThanOrEqual(1);
    const federal = cards.filter((c) => c.snapshot.context.labels.includes(FEDERAL_LABEL));
    expect(federal.map((c) => c.id).sort()).toEqual(['onf-12', 'onf-27']);
    expect(byId('onf-13').snapshot.context.lastReturn?.unmet).toBe('duplicate_number');
    expect(byId('onf-29').snapshot.context.lastReturn?.of).toBe('resolution');
  });
});
