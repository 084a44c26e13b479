import fc from 'fast-check';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Principal } from '../../kernel/schemas/principal.js';
import { principalArbitrary } from '../../kernel/testing/principal-arbitrary.js';
import type { MessageEventInput, SubmitEventInput } from '../schemas/events.js';
import { messageEventTypes } from '../schemas/events.js';
import { ANSWER_FILE_EXTENSIONS, channelSchema } from '../schemas/message.js';

export { principalArbitrary };

const fileName = fc.oneof(
  fc.constantFrom(...ANSWER_FILE_EXTENSIONS).map((ext) => `ответ${ext}`),
  fc.constantFrom('photo.jpg', 'script.exe', 'archive.zip', 'noextension', 'ОТВЕТ.PDF'),
);

/** An answer draft, sometimes invalid (missing date for `postponed`, forbidden files, empty text). */
export const answerArbitrary = fc.record({
  type: fc.constantFrom('resolved', 'not_resolved', 'postponed', 'declined'),
  text: fc.oneof(fc.constant('Яма заделана, работы приняты.'), fc.constant(' '), fc.string()),
  files: fc.array(fc.record({ name: fileName }), { maxLength: 2 }),
  postponedUntil: fc.option(fc.constantFrom('2025-03-01', '2031-12-31', '2020-01-01'), {
    nil: undefined,
  }),
});

/**
 * The payload of an event of the given type (without `at` and `by`): mostly well formed,
 * naming people and organisations from the directory, sometimes not.
 */
export function eventPayloadArbitrary(
  directory: Directory,
  type: MessageEventInput['type'],
): fc.Arbitrary<Record<string, unknown>> {
  const userId = fc.constantFrom('nobody', ...directory.users.map((u) => u.id));
  const orgId = fc.constantFrom('no-such-org', ...directory.organisations.map((o) => o.id));
  const comment = fc.constantFrom('Прошу рассмотреть', 'Не наша компетенция', '');
  switch (type) {
    case 'moderation.reject':
      return fc.record({ reason: fc.constantFrom('Нецензурная лексика', '') });
    case 'executor.assign':
      return fc.record({ executorId: userId });
    case 'executor.reassign':
      return fc.record({ executorId: userId, comment });
    case 'coordination.forward':
      return fc.record({ orgId });
    case 'moderation.correct':
      return fc.record({
        orgId,
        subcategoryId: fc.constantFrom('potholes', 'road-repair', 'nope'),
      });
    case 'coordination.return':
    case 'answer.return':
      return fc.record({ comment });
    case 'answer.submit':
      return fc.record({ answer: answerArbitrary });
    case 'registration.update':
      return fc.record({ registrationNumber: fc.constantFrom('РН-1', 'ПОС-2025-17') });
    default:
      return fc.constant({});
  }
}

/** A `submit` event without its instant, from a random principal through a random channel. */
export function submitArbitrary(
  directory: Directory,
  messageId = 'm-prop',
): fc.Arbitrary<Omit<SubmitEventInput, 'at'>> {
  const subcategories = directory.catalogue.categories.flatMap((c) =>
    c.subcategories.map((s) => ({ categoryId: c.id, subcategoryId: s.id })),
  );
  const applicants = directory.users.filter((u) => u.roles.some((r) => r.role === 'applicant'));
  const operators = directory.users.filter((u) => u.roles.some((r) => r.role === 'operator'));
  const submitter = fc.oneof(
    {
      arbitrary: fc.constantFrom(...(applicants.length ? applicants : directory.users)),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...(operators.length ? operators : directory.users)), weight: 2 },
    { arbitrary: principalArbitrary(directory), weight: 1 },
  );
  return fc
    .record({
      by: submitter,
      channel: fc.constantFrom(...channelSchema.options),
      anyOrg: fc.constantFrom(...directory.organisations.map((o) => o.id)),
      competent: fc.boolean(),
      topic: fc.constantFrom(...subcategories),
      lawType: fc.constantFrom('message', 'appeal_59fz'),
    })
    .map(({ by, channel, anyOrg, competent, topic, lawType }) => {
      // An operator routes within their own region: mostly stay there, so walks go on.
      const regions = new Set(
        by.roles.flatMap((g) =>
          g.role === 'operator' && g.orgId ? [directory.organisation(g.orgId)?.regionCode] : [],
        ),
      );
      const reachable = (id: string) =>
        regions.size === 0 || regions.has(directory.organisation(id)?.regionCode);
      const orgId = competent
        ? (directory.organisations.find(
            (o) =>
              o.subcategoryIds?.includes(topic.subcategoryId) && o.id !== anyOrg && reachable(o.id),
          )?.id ?? anyOrg)
        : anyOrg;
      return {
        type: 'submit' as const,
        by,
        messageId,
        number: messageId,
        channel: by.roles.some((r) => r.role === 'operator')
          ? ('operator' as const)
          : channel === 'operator' || channel === 'integration'
            ? ('epgu_form' as const)
            : channel,
        integration: channel === 'integration' ? 'Дневник ЕПГУ' : null,
        orgId,
        regionCode: directory.organisation(orgId)?.regionCode ?? '41',
        applicant: { name: 'Заявитель Тестовый', email: 'applicant@example.ru' },
        text: 'Центр мониторинга 112: яма на дороге у дома 5',
        ...topic,
        lawType,
      };
    });
}

/**
 * One step of a random walk. `guided` steps pick among the events some principal may send
 * now (so walks go deep); the others send an arbitrary event from an arbitrary principal
 * (so refusals are exercised). Minutes move the clock forward.
 */
export interface WalkStep {
  guided: boolean;
  pick: number;
  type: MessageEventInput['type'];
  by: Principal;
  payloadSeed: Record<string, Record<string, unknown>>;
  minutes: number;
}

export function walkStepArbitrary(directory: Directory): fc.Arbitrary<WalkStep> {
  const payloads = Object.fromEntries(
    messageEventTypes.map((t) => [t, eventPayloadArbitrary(directory, t)]),
  ) as Record<string, fc.Arbitrary<Record<string, unknown>>>;
  return fc.record({
    guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    pick: fc.nat(),
    type: fc.constantFrom(...messageEventTypes),
    by: principalArbitrary(directory),
    payloadSeed: fc.record(payloads),
    minutes: fc.integer({ min: 1, max: 60 * 24 * 3 }),
  });
}

/** A whole random life of a message: a submission and up to `maxSteps` steps. */
export function walkArbitrary(directory: Directory, maxSteps = 30) {
  return fc.record({
    submit: submitArbitrary(directory),
    steps: fc.array(walkStepArbitrary(directory), { maxLength: maxSteps, size: 'max' }),
  });
}
