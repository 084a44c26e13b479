import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  formatCountdown,
  type MessageSnapshot,
  SYSTEM_PRINCIPAL,
  statusOf,
  timersOf,
} from '../../src/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  operatorSubmit,
  potholeSubmit,
  start,
  T0,
  toAnswerSent,
  toApproval,
  toCoordination,
  toInWork,
  users,
} from '../helpers.js';

const registeredAtT0 = () =>
  drive(start(potholeSubmit({ at: '2025-01-15T10:00:00.000Z' })), [
    { type: 'moderation.accept', by: users.moderator, at: T0 },
  ]);

const fire = (
  snapshot: MessageSnapshot,
  type: 'deadline.due_soon' | 'deadline.overdue',
  dueAt: string,
) => applyEvent(snapshot, { type, at: dueAt, by: SYSTEM_PRINCIPAL, dueAt }, directory);

const deadlineValue = (s: MessageSnapshot) => (s.value as { deadline: unknown }).deadline;

describe('response deadline', () => {
  it('is 23:59 25.01.2025 Kamchatka time for a fast-track message registered 23:18 15.01.2025 (seed 004)', () => {
    const m = registeredAtT0().context;
    expect(m.registeredAt).toBe(T0);
    expect(m.responseDueAt).toBe('2025-01-25T11:59:00.000Z');
    expect(m.timeZone).toBe('Asia/Kamchatka');
    expect(formatCountdown('2025-01-15T21:20:00.000Z', m.responseDueAt!, m.timeZone!)).toBe(
      '9 дней 14 часов 39 минут / до 23:59 25.01.2025',
    );
  });

  it('starts at entry for an operator message, in the organisation region zone (Ulyanovsk, UTC+4)', () => {
    const m = start(operatorSubmit()).context;
    expect(m.timeZone).toBe('Europe/Ulyanovsk');
    // 15:18 local on 15.01 + 10 days → 23:59 local 25.01 = 19:59 UTC
    expect(m.responseDueAt).toBe('2025-01-25T19:59:00.000Z');
  });

  it('has no deadline before moderation accepts the message', () => {
    const m = start().context;
    expect(m.responseDueAt).toBeNull();
    expect(timersOf(start())).toEqual([]);
  });

  it('counts working days for working-day subcategories (school food: 5 working days)', () => {
    const s = drive(
      start(
        potholeSubmit({
          orgId: 'kam-edu',
          categoryId: 'education',
          subcategoryId: 'school-food',
          factId: null,
          at: '2024-12-27T00:00:00.000Z',
        }),
      ),
      [{ type: 'moderation.accept', by: users.moderator, at: '2024-12-27T01:00:00.000Z' }],
    );
    // Friday 27.12.2024 (Kamchatka): Saturday 28.12 was worked, the New Year holidays ran
    // 29.12–08.01, so the working days are 28.12, 09.01, 10.01, 13.01 and 14.01.
    expect(s.context.responseDueAt).toBe('2025-01-14T11:59:00.000Z');
  });

  it('never lets the execution deadline pass the response deadline', () => {
    const coordinated = registeredAtT0();
    const assign = (executionDueAt: string) =>
      applyEvent(
        coordinated,
        {
          type: 'executor.assign',
          at: at(5),
          by: users.coordinatorRoads,
          executorId: users.executorRoads.id,
          executionDueAt,
        },
        directory,
      );
    expect(assign('2025-01-25T11:59:00.000Z').ok).toBe(true);
    expectRefused(assign('2025-01-25T12:00:00.000Z'), 'invalid_payload');
  });
});

describe('due soon and overdue, driven by timers', () => {
  it('asks for a warning and a breach timer, fires them, and keeps «просрочено»', () => {
    const s0 = registeredAtT0();
    const m = s0.context;
    expect(timersOf(s0)).toEqual([
      {
        id: 'm-1:deadline.due_soon',
        messageId: 'm-1',
        fireAt: m.dueSoonAt,
        event: { type: 'deadline.due_soon', dueAt: m.dueSoonAt },
      },
      {
        id: 'm-1:deadline.overdue',
        messageId: 'm-1',
        fireAt: m.responseDueAt,
        event: { type: 'deadline.overdue', dueAt: m.responseDueAt },
      },
    ]);
    // three quarters of 15.01 23:18 → 25.01 23:59 (Kamchatka)
    expect(m.dueSoonAt).toBe('2025-01-22T23:48:45.000Z');

    const soon = fire(s0, 'deadline.due_soon', m.dueSoonAt!);
    if (!soon.ok) throw new Error(soon.error.message);
    expect(deadlineValue(soon.snapshot)).toEqual({ running: 'due_soon' });
    expect(soon.effects[0]).toMatchObject({
      reason: 'deadline_due_soon',
      to: { kind: 'organisation', orgId: 'kam-roads' },
    });
    expect(timersOf(soon.snapshot).map((t) => t.id)).toEqual(['m-1:deadline.overdue']);

    const late = fire(soon.snapshot, 'deadline.overdue', m.responseDueAt!);
    if (!late.ok) throw new Error(late.error.message);
    expect(late.snapshot.context.overdue).toBe(true);
    expect(timersOf(late.snapshot)).toEqual([]);

    // A late answer: the flag stays.
    const answered = drive(late.snapshot, toAnswerSent.slice(1), 60 * 24 * 11);
    expect(statusOf(answered)).toBe('answer_sent');
    expect(answered.context.overdue).toBe(true);
  });

  it('stops when the answer is approved: no timers, and a late timer is a harmless no-op', () => {
    const sent = drive(start(), toAnswerSent);
    expect(deadlineValue(sent)).toBe('stopped');
    expect(timersOf(sent).filter((t) => t.event.type.startsWith('deadline.'))).toEqual([]);
    expectRefused(
      fire(sent, 'deadline.overdue', sent.context.responseDueAt!),
      'not_allowed_in_status',
    );
  });

  it('only lets the system fire timers', () => {
    const s0 = registeredAtT0();
    const result = applyEvent(
      s0,
      { type: 'deadline.overdue', at: at(1), by: users.headRoads, dueAt: s0.context.responseDueAt },
      directory,
    );
    expectRefused(result, 'forbidden');
  });
});

describe('extensions', () => {
  const request = (s: MessageSnapshot, until: string, by = users.coordinatorRoads) =>
    applyEvent(
      s,
      { type: 'deadline.extension_request', at: at(60), by, until, reason: 'Нужна экспертиза' },
      directory,
    );

  it('moves the deadline when the head approves, tells the applicant, and re-arms the timers', () => {
    const s0 = registeredAtT0();
    const asked = request(s0, '2025-02-10');
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.effects[0]).toMatchObject({ reason: 'extension_requested' });
    const approved = applyEvent(
      asked.snapshot,
      { type: 'deadline.extension_approve', at: at(90), by: users.headRoads },
      directory,
    );
    if (!approved.ok) throw new Error(approved.error.message);
    const m = approved.snapshot.context;
    expect(m.responseDueAt).toBe('2025-02-10T11:59:00.000Z');
    expect(m.extensionsGranted).toBe(1);
    expect(m.pendingExtension).toBeNull();
    expect(approved.effects).toContainEqual({
      type: 'notify',
      reason: 'deadline_extended',
      to: { kind: 'applicant' },
      messageId: 'm-1',
    });
    expect(
      timersOf(approved.snapshot).find((t) => t.event.type === 'deadline.overdue')?.fireAt,
    ).toBe(m.responseDueAt);
    // The old breach timer, if a worker still holds it, no longer applies.
    expectRefused(
      fire(approved.snapshot, 'deadline.overdue', s0.context.responseDueAt!),
      'invalid_payload',
    );
  });

  it('never shortens a deadline and never exceeds 30 days', () => {
    const s0 = registeredAtT0();
    expectRefused(request(s0, '2025-01-20'), 'invalid_payload');
    const tooLong = request(s0, '2025-03-01');
    expectRefused(tooLong, 'invalid_payload');
    // The refusal names the last allowed day as a local date, «ДД.ММ.ГГГГ».
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/не позже 24\.02\.2025$/);
    expect(request(s0, '2025-02-24').ok).toBe(true);
  });

  it('extends a 59-ФЗ appeal only once', () => {
    const appeal = drive(start(potholeSubmit({ lawType: 'appeal_59fz' })), toCoordination);
    const once = drive(
      appeal,
      [
        {
          type: 'deadline.extension_request',
          by: users.coordinatorRoads,
          until: '2025-02-01',
          reason: 'Экспертиза',
        },
        { type: 'deadline.extension_approve', by: users.headRoads },
      ],
      10,
    );
    expectRefused(request(once, '2025-02-05'), 'invalid_payload');
    const ordinary = drive(
      registeredAtT0(),
      [
        {
          type: 'deadline.extension_request',
          by: users.coordinatorRoads,
          until: '2025-02-01',
          reason: 'Экспертиза',
        },
        { type: 'deadline.extension_approve', by: users.headRoads },
      ],
      10,
    );
    expect(request(ordinary, '2025-02-05').ok).toBe(true);
  });

  it('lets the head deny, telling whoever asked; only one request waits at a time', () => {
    const inWork = drive(start(), toInWork);
    const asked = request(inWork, '2025-02-01', users.executorRoads);
    if (!asked.ok) throw new Error(asked.error.message);
    expectRefused(request(asked.snapshot, '2025-02-02'), 'invalid_payload');
    const denied = applyEvent(
      asked.snapshot,
      {
        type: 'deadline.extension_deny',
        at: at(99),
        by: users.headRoads,
        comment: 'Нет оснований',
      },
      directory,
    );
    if (!denied.ok) throw new Error(denied.error.message);
    expect(denied.effects[0]).toMatchObject({
      reason: 'extension_denied',
      to: { kind: 'user', userId: users.executorRoads.id },
    });
    expect(denied.snapshot.context.responseDueAt).toBe(inWork.context.responseDueAt);
  });

  it('belongs to coordinators and executors to ask and to the head to decide', () => {
    const pending = drive(start(), toApproval);
    expectRefused(request(pending, '2025-02-01', users.applicant), 'forbidden');
    const asked = request(pending, '2025-02-01');
    if (!asked.ok) throw new Error(asked.error.message);
    expectRefused(
      applyEvent(
        asked.snapshot,
        { type: 'deadline.extension_approve', at: at(99), by: users.coordinatorRoads },
        directory,
      ),
      'forbidden',
    );
  });
});
