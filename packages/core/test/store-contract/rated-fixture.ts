import type { MessageStore, StoredMessage, SubmitEventInput } from '../../src/index.js';
import { at, operatorSubmit, potholeSubmit, toAnswerSent, users } from '../helpers.js';
import { type Step, sendSteps, written } from './setup.js';

interface RatedSpec {
  submit: SubmitEventInput;
  steps: Step[];
}

const rate = (score: number, by = users.applicant): Step => ({
  type: 'rating.submit',
  by,
  score,
  ...(score <= 2 ? { comment: 'Ничего не сделано' } : {}),
});

/** The parent organisation's second answer, after a low rating sent the message there. */
const reAnswered: Step[] = [
  { type: 'executor.assign', by: users.coordinatorGov, executorId: users.executorGov.id },
  { type: 'work.take', by: users.executorGov },
  {
    type: 'answer.submit',
    by: users.executorGov,
    answer: { type: 'resolved', text: 'Яма заделана повторно', files: [] },
  },
  { type: 'answer.approve', by: users.headGov },
];

const pothole = (n: number, minute: number) =>
  potholeSubmit({
    messageId: `r-${String(n).padStart(2, '0')}`,
    number: `41-1000${String(n).padStart(2, '0')}`,
    at: at(minute),
  });

/**
 * Messages the applicants have rated, through the workflow: every score once at least, two
 * ratings on one message across a re-review round (1, then 4), a message waiting in
 * re-review at the parent organisation, an operator-entered answer rated through the
 * operator, and messages not rated yet — so the list's rating and re-review filters each
 * keep some messages and drop others (fixture.ts has no rating at all).
 */
export const ratedSpecs: RatedSpec[] = [
  // Answered, not rated yet.
  { submit: pothole(1, 0), steps: toAnswerSent },
  // Rated 5: completed.
  { submit: pothole(2, 10), steps: [...toAnswerSent, rate(5)] },
  // Rated 3: completed.
  { submit: pothole(3, 20), steps: [...toAnswerSent, rate(3)] },
  // Rated 2: re-reviewed at kam-gov, waiting there in coordination («Возвращены»).
  { submit: pothole(4, 30), steps: [...toAnswerSent, rate(2)] },
  // Rated 1, re-reviewed at kam-gov, answered again and rated 4: completed, two ratings.
  { submit: pothole(5, 40), steps: [...toAnswerSent, rate(1), ...reAnswered, rate(4)] },
  // Operator-entered, delivered by phone, rated 3 through the operator.
  {
    submit: operatorSubmit({ messageId: 'r-06', number: '73-100006', at: at(50) }),
    steps: [
      {
        type: 'executor.assign',
        by: users.coordinatorUlyRoads,
        executorId: users.executorUlyRoads.id,
      },
      { type: 'work.take', by: users.executorUlyRoads },
      {
        type: 'answer.submit',
        by: users.executorUlyRoads,
        answer: { type: 'resolved', text: 'Яма заделана', files: [] },
      },
      { type: 'answer.approve', by: users.headUlyRoads },
      { type: 'delivery.confirm', by: users.operator, channel: 'phone', note: 'Сообщено' },
      rate(3, users.operator),
    ],
  },
  // Never answered: nothing to rate.
  {
    submit: pothole(7, 60),
    steps: [{ type: 'moderation.accept', by: users.moderator }],
  },
];

/** Writes the rated fixture through the store and returns each message as it was left. */
export async function writeRatedFixture(store: MessageStore): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for (const spec of ratedSpecs) {
    const created = written(await store.submit(spec.submit));
    const minute = (Date.parse(created.record.at) - Date.parse(at(0))) / 60_000;
    const last = await sendSteps(store, created.message.id, spec.steps, minute + 1);
    out.push(last?.message ?? created.message);
  }
  return out;
}
