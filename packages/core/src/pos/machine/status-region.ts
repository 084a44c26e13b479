import { and } from 'xstate';
import type { Effect } from '../../kernel/effects.js';
import type { MessageMachineContext } from './events.js';
import { messageSetup, notify, toApplicant, toExecutor, toHoldingOrg, update } from './setup.js';

/** Sends the approved answer by e-mail when the applicant gave an address. */
const emailAnswer = {
  type: 'effect' as const,
  params: ({ context: { message } }: { context: MessageMachineContext }): Effect => ({
    type: 'email.answer',
    to: message.applicant.email ?? '',
    messageId: message.id,
  }),
};

/** Rating, shared by `answer_sent` and `answer_delivered`. */
const ratingLoop = {
  'rating.submit': [
    {
      guard: 'isReReview' as const,
      target: 'coordination' as const,
      actions: ['rate' as const, 'reReview' as const, notify('re_review', toHoldingOrg)],
    },
    { target: 'completed' as const, actions: ['rate' as const] },
  ],
  'rating.window_closed': {
    guard: 'loopTimerIsCurrent' as const,
    target: 'completed' as const,
    actions: ['stamp' as const],
  },
};

const postponementDue = {
  guard: 'loopTimerIsCurrent' as const,
  target: 'postponed' as const,
  actions: ['stamp' as const, notify('postponement_due', toExecutor)],
};

/** The status region: the ПОС status codes of SPEC §3 and every transition between them. */
export const statusRegion = messageSetup.createStateConfig({
  initial: 'received',
  states: {
    received: {
      description: 'Transient: operator-entered messages skip moderation.',
      always: [
        {
          guard: 'isOperatorEntered',
          target: 'coordination',
          actions: [notify('message_received', toHoldingOrg)],
        },
        { target: 'moderation' },
      ],
    },
    moderation: {
      on: {
        'moderation.accept': {
          target: 'coordination',
          actions: ['register', notify('message_received', toHoldingOrg)],
        },
        'moderation.correct': { actions: ['correct'] },
        'moderation.reject': {
          target: 'rejected',
          actions: [
            update(({ event }) => ({ rejectionReason: event.reason })),
            notify('message_rejected', toApplicant),
          ],
        },
      },
    },
    rejected: { type: 'final' },
    coordination: {
      on: {
        'executor.assign': {
          target: 'executor_assigned',
          actions: [
            update(({ context, event }) => ({
              // An autorule assigns for the organisation: no person coordinated.
              coordinatorId: event.autoruleId ? context.coordinatorId : event.by.id,
              executorId: event.executorId,
              executionDueAt: event.executionDueAt,
              delegatedByAutorule: event.autoruleId
                ? { ruleId: event.autoruleId, at: event.at }
                : context.delegatedByAutorule,
            })),
            notify('executor_assigned', toExecutor),
          ],
        },
        'work.take': {
          target: 'in_work',
          actions: [
            update(({ event }) => ({ coordinatorId: event.by.id, executorId: event.by.id })),
          ],
        },
        'coordination.forward': {
          target: 'coordination',
          reenter: true,
          actions: ['forwardTo', notify('message_received', toHoldingOrg)],
        },
        'coordination.return': {
          target: 'coordination',
          reenter: true,
          actions: ['returnTo', notify('message_received', toHoldingOrg)],
        },
        'registration.update': { actions: ['updateRegistration'] },
      },
    },
    executor_assigned: {
      on: {
        'work.take': { target: 'in_work', actions: ['stamp'] },
        'executor.reassign': {
          target: 'executor_assigned',
          reenter: true,
          actions: ['reassign', notify('executor_assigned', toExecutor)],
        },
        'coordination.return': {
          target: 'coordination',
          actions: ['returnTo', notify('message_received', toHoldingOrg)],
        },
        'registration.update': { actions: ['updateRegistration'] },
      },
    },
    in_work: {
      on: {
        'answer.submit': {
          target: 'on_approval',
          actions: [
            update(({ event }) => ({
              answer: {
                type: event.answer.type,
                text: event.answer.text,
                files: event.answer.files,
                postponedUntil: event.answer.postponedUntil ?? null,
                preparedBy: event.by.id,
                preparedAt: event.at,
                approvedBy: null,
                approvedAt: null,
              },
              lastReturnComment: null,
            })),
            notify('approval_requested', toHoldingOrg),
          ],
        },
        'executor.reassign': {
          target: 'executor_assigned',
          actions: ['reassign', notify('executor_assigned', toExecutor)],
        },
        'coordination.return': {
          target: 'coordination',
          actions: ['returnTo', notify('message_received', toHoldingOrg)],
        },
        'registration.update': { actions: ['updateRegistration'] },
      },
    },
    on_approval: {
      on: {
        'answer.approve': [
          {
            guard: and(['isOperatorEntered', 'applicantHasEmail']),
            target: 'answer_ready',
            actions: [
              'approve',
              notify('answer_ready', () => ({ kind: 'operators' })),
              'requestAnswerEmail',
              emailAnswer,
            ],
          },
          {
            guard: 'isOperatorEntered',
            target: 'answer_ready',
            actions: ['approve', notify('answer_ready', () => ({ kind: 'operators' }))],
          },
          {
            target: 'answer_sent',
            actions: ['approve', notify('answer_sent', toApplicant)],
          },
        ],
        'answer.return': {
          target: 'in_work',
          actions: [
            update(({ event }) => ({ lastReturnComment: event.comment })),
            notify('answer_returned', toExecutor),
          ],
        },
        'registration.update': { actions: ['updateRegistration'] },
      },
    },
    answer_sent: {
      description: 'The applicant rates the answer; a low score sends it to re-review.',
      on: { ...ratingLoop, 'postponement.due': postponementDue },
    },
    answer_ready: {
      description: 'An operator carries the answer to the applicant and confirms it.',
      on: {
        'delivery.confirm': {
          target: 'answer_delivered',
          actions: ['confirmDelivery'],
        },
        'delivery.email_result': { actions: ['recordAnswerEmail'] },
        'delivery.overdue': {
          guard: 'loopTimerIsCurrent',
          actions: [
            'markDeliveryOverdue',
            notify('delivery_overdue', () => ({ kind: 'operators' })),
          ],
        },
        'postponement.due': postponementDue,
      },
    },
    answer_delivered: {
      description: 'The applicant (or an operator for them) rates the delivered answer.',
      on: {
        ...ratingLoop,
        'delivery.email_result': { actions: ['recordAnswerEmail'] },
        'postponement.due': postponementDue,
      },
    },
    postponed: {
      description: 'The date of a postponed answer has come: the executor resumes work.',
      on: {
        'work.take': { target: 'in_work', actions: ['resume'] },
        'executor.reassign': {
          target: 'executor_assigned',
          actions: ['resume', 'reassign', notify('executor_assigned', toExecutor)],
        },
      },
    },
    completed: { type: 'final' },
  },
});
