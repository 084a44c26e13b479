import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createDirectory,
  type MessageSnapshot,
  SYSTEM_PRINCIPAL,
  statusOf,
  timersOf,
} from '../../src/index.js';
import { demoDirectoryInput } from '../../src/testing/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  potholeSubmit,
  start,
  toAnswerSent,
  toInWork,
  users,
} from '../helpers.js';

const rate = (s: MessageSnapshot, score: number, by = users.applicant, minute = 2000) =>
  applyEvent(
    s,
    { type: 'rating.submit', at: at(minute), by, score, comment: 'Ничего не сделано' },
    directory,
  );

const sent = () => drive(start(), toAnswerSent);

describe('rating', () => {
  it('completes the message on a score of 3 or more', () => {
    const result = rate(sent(), 4);
    expect(result.ok && result.status).toBe('completed');
    if (result.ok)
      expect(result.snapshot.context.ratings).toMatchObject([
        { score: 4, round: 0, ratedBy: users.applicant.id },
      ]);
  });

  it('belongs to the applicant who sent the message, once per answer', () => {
    expectRefused(rate(sent(), 5, users.applicant2), 'forbidden');
    expectRefused(rate(sent(), 5, users.headRoads), 'forbidden');
    const done = rate(sent(), 5);
    if (!done.ok) throw new Error(done.error.message);
    expectRefused(rate(done.snapshot, 1), 'not_allowed_in_status');
  });

  it('is impossible before the answer reached the applicant', () => {
    expectRefused(rate(drive(start(), toInWork), 5), 'not_allowed_in_status');
  });

  it('closes with the window: 30 days, then a timer completes an unrated message', () => {
    const s = sent();
    // approved 23:23 15.01 Kamchatka time + 30 days
    expect(s.context.ratingDueAt).toBe('2025-02-14T11:59:00.000Z');
    const timer = timersOf(s).find((t) => t.event.type === 'rating.window_closed');
    expect(timer?.fireAt).toBe(s.context.ratingDueAt);
    expectRefused(
      applyEvent(
        s,
        { type: 'rating.submit', at: '2025-02-16T00:00:00.000Z', by: users.applicant, score: 5 },
        directory,
      ),
      'invalid_payload',
    );
    const closed = applyEvent(
      s,
      {
        type: 'rating.window_closed',
        at: s.context.ratingDueAt,
        by: SYSTEM_PRINCIPAL,
        dueAt: s.context.ratingDueAt,
      },
      directory,
    );
    expect(closed.ok && closed.status).toBe('completed');
    if (closed.ok) expect(timersOf(closed.snapshot)).toEqual([]);
  });
});

describe('re-review', () => {
  it('sends a low-rated answer to the parent organisation with a fresh deadline', () => {
    const s = sent();
    const result = rate(s, 2);
    if (!result.ok) throw new Error(result.error.message);
    const m = result.snapshot.context;
    expect(result.status).toBe('coordination');
    expect(m.holdingOrgId).toBe('kam-gov');
    expect(m.arrivedBy).toBe('re_review');
    expect(m.reReviewRound).toBe(1);
    expect(m.lastReturnComment).toBe('Ничего не сделано');
    expect(m.answer).toBeNull();
    expect(m.previousAnswers).toHaveLength(1);
    expect(m.responseDueAt! > s.context.responseDueAt!).toBe(true);
    expect(
      timersOf(result.snapshot)
        .map((t) => t.event.type)
        .sort(),
    ).toEqual(['deadline.due_soon', 'deadline.overdue']);
    expect(result.effects).toContainEqual({
      type: 'notify',
      reason: 're_review',
      to: { kind: 'organisation', orgId: 'kam-gov' },
      messageId: 'm-1',
    });
  });

  it('lets the new answer be rated again, and stops after the configured rounds', () => {
    const low = rate(sent(), 1);
    if (!low.ok) throw new Error(low.error.message);
    const again = drive(
      low.snapshot,
      [
        { type: 'executor.assign', by: users.coordinatorGov, executorId: users.executorGov.id },
        { type: 'work.take', by: users.executorGov },
        {
          type: 'answer.submit',
          by: users.executorGov,
          answer: { type: 'resolved', text: 'Яма заделана повторно' },
        },
        { type: 'answer.approve', by: users.headGov },
      ],
      3000,
    );
    expect(statusOf(again)).toBe('answer_sent');
    const second = rate(again, 1, users.applicant, 4000);
    expect(second.ok && second.status).toBe('completed');
    if (second.ok) expect(second.snapshot.context.ratings.map((r) => r.round)).toEqual([0, 1]);
  });

  it('re-reviews at the top of the tree through the curator', () => {
    const atTop = drive(start(potholeSubmit({ orgId: 'kam-gov' })), [
      { type: 'moderation.accept', by: users.moderator },
      { type: 'work.take', by: users.coordinatorGov },
      {
        type: 'answer.submit',
        by: users.coordinatorGov,
        answer: { type: 'resolved', text: 'Сделано' },
      },
      { type: 'answer.approve', by: users.headGov },
    ]);
    const low = rate(atTop, 2);
    if (!low.ok) throw new Error(low.error.message);
    expect(low.snapshot.context.holdingOrgId).toBe('kam-gov');
    expect(low.snapshot.context.reReviewByCurator).toBe(true);
    const byCurator = applyEvent(
      low.snapshot,
      {
        type: 'executor.assign',
        at: at(2100),
        by: users.curatorGov,
        executorId: users.executorGov.id,
      },
      directory,
    );
    expect(byCurator.ok).toBe(true);
  });

  it('follows the configured number of rounds', () => {
    const none = createDirectory({ ...demoDirectoryInput, settings: { maxReReviewRounds: 0 } });
    const result = applyEvent(
      sent(),
      { type: 'rating.submit', at: at(2000), by: users.applicant, score: 1 },
      none,
    );
    expect(result.ok && result.status).toBe('completed');
  });
});

describe('postponed answers', () => {
  const postponedSent = () =>
    drive(start(), [
      ...toInWork,
      {
        type: 'answer.submit',
        by: users.executorRoads,
        answer: { type: 'postponed', text: 'Ремонт весной', postponedUntil: '2025-05-01' },
      },
      { type: 'answer.approve', by: users.headRoads },
    ]);

  it('sends the postponed answer, is not rated, and returns to work on its date', () => {
    const s = postponedSent();
    expect(statusOf(s)).toBe('answer_sent');
    expect(s.context.ratingDueAt).toBeNull();
    expectRefused(rate(s, 5), 'invalid_payload');
    const timer = timersOf(s).find((t) => t.event.type === 'postponement.due');
    expect(timer).toMatchObject({
      fireAt: '2025-04-30T12:00:00.000Z',
      event: { until: '2025-05-01' },
    });
    const due = applyEvent(
      s,
      { type: 'postponement.due', at: timer!.fireAt, by: SYSTEM_PRINCIPAL, until: '2025-05-01' },
      directory,
    );
    if (!due.ok) throw new Error(due.error.message);
    expect(due.status).toBe('postponed');
    expect(due.effects[0]).toMatchObject({
      reason: 'postponement_due',
      to: { kind: 'user', userId: users.executorRoads.id },
    });
    const resumed = applyEvent(
      due.snapshot,
      { type: 'work.take', at: '2025-05-02T00:00:00.000Z', by: users.executorRoads },
      directory,
    );
    if (!resumed.ok) throw new Error(resumed.error.message);
    const m = resumed.snapshot.context;
    expect(resumed.status).toBe('in_work');
    expect(m.answer).toBeNull();
    expect(m.previousAnswers[0]?.type).toBe('postponed');
    expect(m.responseDueAt).toBe('2025-05-12T11:59:00.000Z');
    const final = drive(
      resumed.snapshot,
      [
        {
          type: 'answer.submit',
          by: users.executorRoads,
          answer: { type: 'resolved', text: 'Дорога отремонтирована' },
        },
        { type: 'answer.approve', by: users.headRoads },
      ],
      60 * 24 * 120,
    );
    expect(statusOf(final)).toBe('answer_sent');
    expect(rate(final, 5, users.applicant, 60 * 24 * 121).ok).toBe(true);
  });
});
