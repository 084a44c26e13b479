import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  createDirectory,
  type MessageSnapshot,
  operatorFolderOf,
  SYSTEM_PRINCIPAL,
  startMessage,
  statusOf,
  timersOf,
} from '../src/index.js';
import { demoDirectoryInput } from '../src/testing/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  operatorSubmit,
  potholeSubmit,
  start,
  toAnswerSent,
  toInWork,
  users,
} from './helpers.js';

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

describe('delivery of operator-entered answers', () => {
  const ready = (email: string | null = null) =>
    drive(
      start(
        operatorSubmit({ applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00', email } }),
      ),
      [
        {
          type: 'executor.assign',
          by: users.coordinatorUlyRoads,
          executorId: users.executorUlyRoads.id,
        },
        { type: 'work.take', by: users.executorUlyRoads },
        {
          type: 'answer.submit',
          by: users.executorUlyRoads,
          answer: { type: 'resolved', text: 'Яма заделана' },
        },
        { type: 'answer.approve', by: users.headUlyRoads },
      ],
    );

  it('asks for the automatic e-mail when the address is known and records how it went', () => {
    const approve = applyEvent(
      drive(
        start(operatorSubmit({ applicant: { name: 'Сидоров', email: 'sidorov@example.ru' } })),
        [
          {
            type: 'executor.assign',
            by: users.coordinatorUlyRoads,
            executorId: users.executorUlyRoads.id,
          },
          { type: 'work.take', by: users.executorUlyRoads },
          {
            type: 'answer.submit',
            by: users.executorUlyRoads,
            answer: { type: 'resolved', text: 'Ок' },
          },
        ],
      ),
      { type: 'answer.approve', at: at(10), by: users.headUlyRoads },
      directory,
    );
    if (!approve.ok) throw new Error(approve.error.message);
    expect(approve.status).toBe('answer_ready');
    expect(approve.effects).toContainEqual({
      type: 'email.answer',
      to: 'sidorov@example.ru',
      messageId: 'm-op',
    });
    expect(approve.snapshot.context.answerEmail?.status).toBe('requested');
    const failed = applyEvent(
      approve.snapshot,
      {
        type: 'delivery.email_result',
        at: at(11),
        by: SYSTEM_PRINCIPAL,
        sent: false,
        error: '550 no such user',
      },
      directory,
    );
    expect(failed.ok && failed.snapshot.context.answerEmail).toMatchObject({
      status: 'failed',
      error: '550 no such user',
    });
    expect(ready(null).context.answerEmail).toBeNull();
  });

  it('is confirmed by any operator with a channel, then the answer can be rated', () => {
    const r = ready();
    expect(r.context.ratingDueAt).toBeNull();
    for (const by of [users.applicant, users.coordinatorUlyRoads]) {
      expectRefused(
        applyEvent(
          r,
          { type: 'delivery.confirm', at: at(20), by, channel: 'phone', note: 'x' },
          directory,
        ),
        'forbidden',
      );
    }
    expectRefused(
      applyEvent(
        r,
        {
          type: 'delivery.confirm',
          at: at(20),
          by: users.operator,
          channel: 'telegram',
          note: 'x',
        },
        directory,
      ),
      'invalid_payload',
    );
    expectRefused(rate(r, 5, users.operator), 'not_allowed_in_status');
    const delivered = applyEvent(
      r,
      {
        type: 'delivery.confirm',
        at: at(20),
        by: users.operator,
        channel: 'courier',
        note: 'Вручено лично',
      },
      directory,
    );
    if (!delivered.ok) throw new Error(delivered.error.message);
    expect(delivered.status).toBe('answer_delivered');
    expect(delivered.snapshot.context.delivery).toMatchObject({
      channel: 'courier',
      confirmedBy: users.operator.id,
    });
    expect(delivered.snapshot.context.ratingDueAt).not.toBeNull();
    expect(rate(delivered.snapshot, 5, users.operator).ok).toBe(true);
  });

  it('warns when delivery is late: 3 working days', () => {
    const r = ready();
    // approved 15.01.2025 (Ulyanovsk) → Thu 16, Fri 17, Mon 20 → 23:59 20.01 local (UTC+4)
    expect(r.context.deliveryDueAt).toBe('2025-01-20T19:59:00.000Z');
    const late = applyEvent(
      r,
      {
        type: 'delivery.overdue',
        at: r.context.deliveryDueAt,
        by: SYSTEM_PRINCIPAL,
        dueAt: r.context.deliveryDueAt,
      },
      directory,
    );
    if (!late.ok) throw new Error(late.error.message);
    expect(late.status).toBe('answer_ready');
    expect(late.snapshot.context.deliveryOverdue).toBe(true);
    expect(late.effects[0]).toMatchObject({
      reason: 'delivery_overdue',
      to: { kind: 'operators' },
    });
    expect(timersOf(late.snapshot).some((t) => t.event.type === 'delivery.overdue')).toBe(false);
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

describe('operator entry', () => {
  it('requires the operator organisation marker at the start of the text', () => {
    const bad = startMessage(operatorSubmit({ text: 'Яма на дороге у остановки' }), directory);
    expectRefused(bad, 'invalid_payload');
    if (!bad.ok && bad.error.kind === 'invalid_payload') {
      expect(bad.error.issues[0]?.message).toContain('Центр мониторинга 112');
    }
    expect(startMessage(operatorSubmit(), directory).ok).toBe(true);
  });

  it('limits organisations by subcategory, with the region coordinating one as fallback', () => {
    expectRefused(
      startMessage(operatorSubmit({ orgId: 'uly-health' }), directory),
      'invalid_payload',
    );
    expect(startMessage(operatorSubmit({ orgId: 'uly-gov' }), directory).ok).toBe(true);
  });

  it('files operator messages in the three operator folders', () => {
    const entered = start(operatorSubmit());
    expect(operatorFolderOf(statusOf(entered), entered.context)).toBe('in_progress');
    const ready = drive(entered, [
      {
        type: 'executor.assign',
        by: users.coordinatorUlyRoads,
        executorId: users.executorUlyRoads.id,
      },
      { type: 'work.take', by: users.executorUlyRoads },
      {
        type: 'answer.submit',
        by: users.executorUlyRoads,
        answer: { type: 'resolved', text: 'Ок' },
      },
      { type: 'answer.approve', by: users.headUlyRoads },
    ]);
    expect(operatorFolderOf(statusOf(ready), ready.context)).toBe('answer_ready');
    const delivered = drive(
      ready,
      [{ type: 'delivery.confirm', by: users.operator, channel: 'phone', note: 'Ок' }],
      50,
    );
    expect(operatorFolderOf(statusOf(delivered), delivered.context)).toBe('answer_delivered');
  });
});
