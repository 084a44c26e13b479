import { expect } from 'vitest';
import {
  applyCaseEvent,
  type CaseApplyResult,
  type CaseCreateEventInput,
  type CaseEventType,
  type CaseFacts,
  type CaseSnapshot,
  type Principal,
  SYSTEM_PRINCIPAL,
  startCase,
} from '../../src/index.js';
import { createOnfDemoDirectory, onfDemoUsers } from '../../src/testing/index.js';

export const directory = createOnfDemoDirectory();
export const users = onfDemoUsers;

/** Noon in Chita (UTC+9) on 15.01.2025. */
export const T0 = '2025-01-15T03:00:00.000Z';
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
export const DAY = 24 * 60;

export const createCard = (
  overrides: Partial<CaseCreateEventInput> = {},
): CaseCreateEventInput => ({
  type: 'case.create',
  at: T0,
  by: SYSTEM_PRINCIPAL,
  caseId: 'c-1',
  number: '340820',
  applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18', email: 'test@example.ru' },
  text: 'Прошу помочь с доставкой лекарств пожилой матери',
  regionCode: '75',
  municipality: 'город Чита',
  address: 'г. Чита, ул. Ленина, 1',
  categoryType: 'nko',
  categoryId: 'medicine',
  subcategoryId: 'drugs',
  sourceSystem: 'Ростелеком',
  sourceId: '3072039',
  channel: 'Колл-центр',
  stream: 'Прямая линия',
  ...overrides,
});

export function start(input: CaseCreateEventInput = createCard()): CaseSnapshot {
  const result = startCase(input, directory);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

export type Step = Record<string, unknown> & { type: string; by: Principal };

const noLocks: CaseFacts = { heldCardIds: [] };

/** Applies one event at minute `minute` with no other locks held. */
export const send = (snapshot: CaseSnapshot, step: Step, minute = 1, facts = noLocks) =>
  applyCaseEvent(snapshot, { at: at(minute), ...step }, directory, facts);

/** Applies events in order, one minute apart, failing the test on the first refusal. */
export function drive(snapshot: CaseSnapshot, steps: Step[], from = 1): CaseSnapshot {
  let current = snapshot;
  steps.forEach((step, i) => {
    const result = send(current, step, from + i);
    if (!result.ok) throw new Error(`${step.type} by ${step.by.id}: ${result.error.message}`);
    current = result.snapshot;
  });
  return current;
}

export function applied(result: CaseApplyResult) {
  if (!result.ok) throw new Error(`refused: ${result.error.kind}: ${result.error.message}`);
  return result;
}

export function expectRefused(result: CaseApplyResult, kind: string) {
  expect(result.ok, result.ok ? `expected ${kind}, got ${result.status}` : '').toBe(false);
  if (!result.ok) expect(result.error.kind, result.error.message).toBe(kind);
}

/** Paths through the real workflow; the executor is exec-75 of РИК 75. */
export const toInWork: Step[] = [
  { type: 'case.assign', by: users.supervisor75, executorId: users.executor75.id },
];
export const toHeld: Step[] = [...toInWork, { type: 'case.lock', by: users.executor75 }];
export const toCheck: Step[] = [
  ...toHeld,
  { type: 'case.resolve', by: users.executor75, description: 'Лекарства доставлены 16.01' },
];
export const toDone: Step[] = [...toCheck, { type: 'case.accept', by: users.curator75 }];
export const toPostponed: Step[] = [
  ...toHeld,
  { type: 'case.postpone', by: users.executor75, until: '2025-03-01', reason: 'Ждём поставку' },
];
export const toCloseCheck: Step[] = [
  ...toHeld,
  { type: 'case.close_request', by: users.executor75, reason: 'declined_help' },
];
export const toClosed: Step[] = [...toCloseCheck, { type: 'case.accept', by: users.curator75 }];
export const toModeration: Step[] = [
  ...toHeld,
  { type: 'case.rereview_request', by: users.executor75, reason: 'wrong_category' },
];
export const toSupport: Step[] = [
  ...toHeld,
  {
    type: 'case.support_request',
    by: users.executor75,
    corrections: [{ field: 'phone', value: '+7(914)111-22-33' }],
  },
];

/** Reaches each status (and lock state) from a fresh card. */
export const reach: Record<string, () => CaseSnapshot> = {
  new: () => start(),
  in_work: () => drive(start(), toInWork),
  'in_work.held': () => drive(start(), toHeld),
  curator_check: () => drive(start(), toCheck),
  done: () => drive(start(), toDone),
  postponed: () => drive(start(), toPostponed),
  'postponed.held': () =>
    drive(start(), [...toPostponed, { type: 'case.lock', by: users.executor75 }]),
  closed: () => drive(start(), toClosed),
  moderation: () => drive(start(), toModeration),
  support: () => drive(start(), toSupport),
};

/** A valid payload for each card event that needs one, for tables that send every event. */
export const eventPayload: Partial<Record<CaseEventType, Record<string, unknown>>> = {
  'case.assign': { executorId: 'exec-75-b' },
  'case.comment': { text: 'Ход решения' },
  'case.contact_attempt': { outcome: 'no_answer' },
  'case.resolve': { description: 'Готово' },
  'case.postpone': { until: '2025-06-01', reason: 'Стройка' },
  'case.close_request': { reason: 'declined_help' },
  'case.rereview_request': { reason: 'wrong_category' },
  'case.rereview_fix': { categoryId: 'roads' },
  'case.support_request': { corrections: [{ field: 'phone', value: '+79140000000' }] },
  'case.support_fix': { changes: { phone: '+79140000000' } },
  'case.return': { comment: 'Доработать' },
  'case.postponement_due': { until: '2025-03-01' },
};
