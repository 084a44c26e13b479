import fc from 'fast-check';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Principal } from '../../kernel/schemas/principal.js';
import { principalArbitrary } from '../../kernel/testing/principal-arbitrary.js';
import type { CaseEventType } from '../schemas/events.js';
import { type CaseCreateEventInput, caseEventTypes } from '../schemas/events.js';
import { closeReasonSchema, contactOutcomeSchema } from '../schemas/parts.js';

/** A `case.create` event without its instant, from the system, for a region with a supervisor. */
export function caseCreateArbitrary(
  directory: Directory,
  caseId = 'c-prop',
): fc.Arbitrary<Omit<CaseCreateEventInput, 'at'>> {
  // Regions where a supervisor works, so that cards can get going.
  const regions = [
    ...new Set(
      directory.users.flatMap((u) =>
        u.roles
          .filter((r) => r.role === 'supervisor' && r.orgId !== undefined)
          .map((r) => directory.organisation(r.orgId as string)?.regionCode ?? '77'),
      ),
    ),
  ];
  const topics = directory.catalogue.categories.flatMap((c) =>
    c.subcategories.map((s) => ({ categoryId: c.id, subcategoryId: s.id })),
  );
  return fc
    .record({
      regionCode: fc.constantFrom(...regions),
      topic: fc.constantFrom(...topics),
      categoryType: fc.constantFrom('ogv', 'nko'),
      labels: fc.subarray(['urgent_call', 'federal_level', 'veteran']),
    })
    .map(({ regionCode, topic, categoryType, labels }) => ({
      type: 'case.create' as const,
      by: { id: 'system', roles: [{ role: 'system' as const }] },
      caseId,
      number: `${caseId}-n`,
      applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
      text: 'Прошу помочь с доставкой лекарств',
      regionCode,
      municipality: 'город Чита',
      address: 'ул. Ленина, 1',
      categoryType,
      ...topic,
      labels,
      sourceSystem: 'Ростелеком',
      sourceId: '3072039',
      channel: 'Колл-центр',
      stream: 'Прямая линия',
    }));
}

/** An arbitrary payload of `type` (without `at` and `by`): mostly well formed, sometimes not. */
export function casePayloadArbitrary(
  directory: Directory,
  type: CaseEventType,
): fc.Arbitrary<Record<string, unknown>> {
  const userId = fc.constantFrom('nobody', ...directory.users.map((u) => u.id));
  const text = fc.constantFrom('Комментарий', '', '   ');
  const date = fc.constantFrom('2020-01-01', '2025-02-01', '2031-12-31', 'не дата');
  switch (type) {
    case 'case.assign':
      return fc.record({ executorId: userId });
    case 'case.comment':
      return fc.record({ text });
    case 'case.contact_attempt':
      return fc.record({ outcome: fc.constantFrom(...contactOutcomeSchema.options, 'lost') });
    case 'case.resolve':
      return fc.record({ description: text, files: fc.constant([{ name: 'virus.exe' }]) });
    case 'case.postpone':
      return fc.record({ until: date, reason: text });
    case 'case.close_request':
      return fc.record({
        reason: fc.constantFrom(...closeReasonSchema.options),
        comment: fc.option(text, { nil: undefined }),
        duplicateOf: fc.option(fc.constantFrom('1', ''), { nil: undefined }),
      });
    case 'case.rereview_request':
      return fc.record({ reason: fc.constantFrom('wrong_region', 'wrong_category', 'other') });
    case 'case.rereview_fix':
      return fc.record({ regionCode: fc.constantFrom('75', '51', '99', '7') });
    case 'case.support_request':
      return fc.record({ corrections: fc.constant([]) });
    case 'case.support_fix':
      return fc.record({ changes: fc.constantFrom({}, { phone: 'не телефон' }, { email: null }) });
    case 'case.return':
      return fc.record({ comment: text });
    case 'case.postponement_due':
      return fc.record({ until: date });
    default:
      return fc.constant({});
  }
}

/**
 * One step of a walk over several cards: which card, then as in the ПОС walk — `guided`
 * steps pick among the events someone may send now, the others send an arbitrary event from
 * an arbitrary principal so refusals are exercised. Minutes move the clock (up to 3 days).
 */
export interface CaseWalkStep {
  card: number;
  guided: boolean;
  pick: number;
  type: CaseEventType;
  by: Principal;
  payloadSeed: Record<string, Record<string, unknown>>;
  minutes: number;
}

export function caseWalkStepArbitrary(directory: Directory): fc.Arbitrary<CaseWalkStep> {
  const payloads = Object.fromEntries(
    caseEventTypes.map((t) => [t, casePayloadArbitrary(directory, t)]),
  ) as Record<string, fc.Arbitrary<Record<string, unknown>>>;
  return fc.record({
    card: fc.nat({ max: 15 }),
    guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    pick: fc.nat(),
    type: fc.constantFrom(...caseEventTypes),
    by: principalArbitrary(directory),
    payloadSeed: fc.record(payloads),
    minutes: fc.integer({ min: 1, max: 60 * 24 * 3 }),
  });
}

/** Several cards (sharing executors, so locks compete) and up to `maxSteps` steps among them. */
export function caseWalkArbitrary(directory: Directory, maxCards = 3, maxSteps = 40) {
  return fc.record({
    cards: fc.array(caseCreateArbitrary(directory), { minLength: 1, maxLength: maxCards }),
    steps: fc.array(caseWalkStepArbitrary(directory), { maxLength: maxSteps, size: 'max' }),
  });
}
