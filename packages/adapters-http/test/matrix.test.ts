/**
 * The role × event × organisation matrix. Messages are driven through the API into every
 * status the workflow reaches, in organisations of two regions; then every event type is
 * sent by every user of the demo world (and the system, and an anonymous caller). The core
 * is the oracle: where `applyEvent` applies the event the API answers 200; where it refuses,
 * the API answers the problem of that refusal — or 404 when the caller cannot see the
 * message, and 401 without credentials — and nothing changes.
 */
import {
  applyEvent,
  availableEvents,
  isVisible,
  type Message,
  type MessageEventType,
  messageEventTypes,
  type StoredMessage,
  viewScopeOf,
} from '@reshaem/core';
import { describe, expect, it } from 'vitest';
import {
  directory,
  drive,
  type Handle,
  handles,
  json,
  operatorBody,
  potholeBody,
  type Step,
  toAnswerSent,
  toApproval,
  toAssigned,
  toCoordination,
  toInWork,
  users,
  world,
} from './support.js';

const executorsOf = (orgId: string) =>
  directory.users.filter((u) => u.roles.some((r) => r.role === 'executor' && r.orgId === orgId));
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A payload that fits the message as it is: the oracle decides whether it is applied. */
const payloads: Record<MessageEventType, (m: Message) => Record<string, unknown>> = {
  'moderation.accept': () => ({}),
  'moderation.reject': () => ({ reason: 'Нецензурная лексика' }),
  'moderation.correct': (m) => ({
    orgId:
      directory.organisations.find(
        (o) => o.coordinatesRegion && o.regionCode === m.regionCode && o.id !== m.receivedOrgId,
      )?.id ?? 'kam-gov',
  }),
  'executor.assign': (m) => ({ executorId: executorsOf(m.holdingOrgId)[0]?.id ?? 'nobody' }),
  'work.take': () => ({}),
  'coordination.forward': (m) => ({
    orgId:
      directory.organisations.find(
        (o) => o.parentId === m.holdingOrgId && directory.isCompetent(o.id, m.subcategoryId),
      )?.id ?? (m.holdingOrgId === 'kam-roads' ? 'uly-roads' : 'kam-roads'),
  }),
  'coordination.return': () => ({ comment: 'Не наша компетенция' }),
  'executor.reassign': (m) => ({
    executorId: executorsOf(m.holdingOrgId).find((u) => u.id !== m.executorId)?.id ?? 'nobody',
  }),
  'answer.submit': () => ({ answer: { type: 'resolved', text: 'Яма заделана', files: [] } }),
  'answer.approve': () => ({}),
  'answer.return': () => ({ comment: 'Доработать ответ' }),
  'deadline.extension_request': (m) => ({
    until: plusDays((m.responseDueAt ?? '2025-01-25').slice(0, 10), 5),
    reason: 'Нужна экспертиза',
  }),
  'deadline.extension_approve': () => ({}),
  'deadline.extension_deny': () => ({ comment: 'Срок достаточен' }),
  'deadline.due_soon': (m) => ({ dueAt: m.dueSoonAt ?? '2025-01-20T00:00:00Z' }),
  'deadline.overdue': (m) => ({ dueAt: m.responseDueAt ?? '2025-01-25T11:59:00Z' }),
  'rating.submit': () => ({ score: 5, comment: 'Спасибо' }),
  'delivery.confirm': () => ({ channel: 'phone', note: 'Дозвонились, ответ зачитан' }),
  'delivery.email_result': () => ({ sent: true }),
  'rating.window_closed': (m) => ({ dueAt: m.ratingDueAt ?? '2025-02-14T11:59:00Z' }),
  'delivery.overdue': (m) => ({ dueAt: m.deliveryDueAt ?? '2025-01-25T11:59:00Z' }),
  'postponement.due': (m) => ({ until: m.answer?.postponedUntil ?? '2025-03-01' }),
  'registration.update': () => ({ registrationNumber: 'РЕГ-1' }),
};

const operatorDone: Step[] = [
  {
    as: 'coordinatorUlyRoads',
    event: { type: 'executor.assign', executorId: users.executorUlyRoads.id },
  },
  { as: 'executorUlyRoads', event: { type: 'work.take' } },
  {
    as: 'executorUlyRoads',
    event: { type: 'answer.submit', answer: { type: 'resolved', text: 'Заделали', files: [] } },
  },
  { as: 'headUlyRoads', event: { type: 'answer.approve' } },
];
const applicantSubmit = { as: 'applicant' as Handle, body: potholeBody() };
const operatorSubmit = { as: 'operator' as Handle, body: operatorBody() };

const scenarios: { name: string; submit: typeof applicantSubmit; steps: Step[] }[] = [
  { name: 'moderation at kam-roads', submit: applicantSubmit, steps: [] },
  {
    name: 'moderation at uly-roads',
    submit: { as: 'applicant2', body: potholeBody({ orgId: 'uly-roads', regionCode: '73' }) },
    steps: [],
  },
  {
    name: 'rejected',
    submit: applicantSubmit,
    steps: [{ as: 'moderator', event: { type: 'moderation.reject', reason: 'Спам' } }],
  },
  { name: 'coordination at kam-roads', submit: applicantSubmit, steps: toCoordination },
  {
    name: 'coordination at kam-gov (returned)',
    submit: applicantSubmit,
    steps: [
      ...toCoordination,
      { as: 'coordinatorRoads', event: { type: 'coordination.return', comment: 'Не наше' } },
    ],
  },
  { name: 'executor_assigned', submit: applicantSubmit, steps: toAssigned },
  { name: 'in_work', submit: applicantSubmit, steps: toInWork },
  {
    name: 'in_work with an extension pending',
    submit: applicantSubmit,
    steps: [
      ...toInWork,
      {
        as: 'executorRoads',
        event: { type: 'deadline.extension_request', until: '2025-01-28', reason: 'Экспертиза' },
      },
    ],
  },
  { name: 'on_approval', submit: applicantSubmit, steps: toApproval },
  { name: 'answer_sent', submit: applicantSubmit, steps: toAnswerSent },
  {
    name: 'completed',
    submit: applicantSubmit,
    steps: [...toAnswerSent, { as: 'applicant', event: { type: 'rating.submit', score: 5 } }],
  },
  {
    name: 're-review at kam-gov',
    submit: applicantSubmit,
    steps: [
      ...toAnswerSent,
      { as: 'applicant', event: { type: 'rating.submit', score: 1, comment: 'Яма осталась' } },
    ],
  },
  { name: 'operator: coordination at uly-roads', submit: operatorSubmit, steps: [] },
  { name: 'operator: answer_ready', submit: operatorSubmit, steps: operatorDone },
  {
    name: 'operator: answer_delivered',
    submit: operatorSubmit,
    steps: [
      ...operatorDone,
      {
        as: 'operator',
        event: { type: 'delivery.confirm', channel: 'phone', note: 'Дозвонились' },
      },
    ],
  },
];

const problemOf = (kind: string) =>
  ({
    invalid_payload: 'validation',
    not_allowed_in_status: 'not-allowed-in-status',
    forbidden: 'forbidden',
  })[kind] ?? kind;

const appliedTypes = new Set<string>();

describe('role × event × organisation', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const w = world();
      let id = await drive(w, scenario.steps, scenario.submit);
      let stored = (await w.store.get(id)) as StoredMessage;
      const callers: (Handle | null)[] = [...handles, null];
      const refusedWhileAvailable: string[] = [];
      let applied = 0;
      const appliedIn = new Set<string>();
      for (const type of messageEventTypes) {
        for (const as of callers) {
          const payload = payloads[type](stored.snapshot.context);
          const res = await w.call('POST', `/messages/${id}/events`, {
            as,
            body: { type, ...payload },
          });
          const cell = `${type} by ${as ?? 'anonymous'}`;
          if (as === null) {
            expect(res.status, cell).toBe(401);
            continue;
          }
          const user = users[as];
          const visible = isVisible(
            viewScopeOf(user, directory),
            stored.snapshot.context,
            stored.status,
          );
          const oracle = applyEvent(
            stored.snapshot,
            { type, ...payload, at: w.clock.now.toISOString(), by: user },
            directory,
          );
          const body = await json(res);
          if (oracle.ok) {
            expect(res.status, `${cell}: ${JSON.stringify(body)}`).toBe(200);
            // Whoever may act on a message may also see it.
            expect(visible, cell).toBe(true);
            applied += 1;
            appliedIn.add(type);
            id = await drive(w, scenario.steps, scenario.submit);
            stored = (await w.store.get(id)) as StoredMessage;
            continue;
          }
          const expected = visible ? problemOf(oracle.error.kind) : 'not-found';
          expect(body.type, `${cell}: ${JSON.stringify(body)}`).toBe(
            `https://reshaem.dev/problems/${expected}`,
          );
          expect(await w.store.get(id), cell).toEqual(stored);
          if (availableEvents(stored.snapshot, user, directory).includes(type)) {
            refusedWhileAvailable.push(`${cell}: ${oracle.error.message}`);
          }
        }
      }
      // The payloads fit: an event offered as a button is refused only for a reason of the
      // message itself (a timer the system sends before its instant, and the like).
      for (const line of refusedWhileAvailable) {
        expect(line).toMatch(
          /нет вышестоящей организации|нет запроса на перенос срока|уже ждёт решения руководителя|больше не действует|раньше срока|ещё не наступила/,
        );
      }
      if (process.env.MATRIX_DEBUG) console.log(scenario.name, applied, refusedWhileAvailable);
      for (const type of appliedIn) appliedTypes.add(type);
    });
  }

  it('applies every event a person or the system can send somewhere in the matrix', () => {
    expect([...appliedTypes].sort()).toEqual(
      expect.arrayContaining([
        'answer.approve',
        'answer.return',
        'answer.submit',
        'coordination.forward',
        'coordination.return',
        'deadline.extension_approve',
        'deadline.extension_deny',
        'deadline.extension_request',
        'delivery.confirm',
        'executor.assign',
        'executor.reassign',
        'moderation.accept',
        'moderation.reject',
        'rating.submit',
        'registration.update',
        'work.take',
      ]),
    );
  });
});
