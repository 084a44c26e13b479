import { and, assertEvent, assign, not, setup } from 'xstate';
import type { Effect, NotificationReason, Recipient } from '../effects.js';
import type { RegistrationDeadline } from '../message-deadline.js';
import type { AnswerDraft, DeliveryChannel, Message, MessageStatus } from '../schemas/message.js';
import type { Principal } from '../schemas/principal.js';

/** What every machine event carries once the workflow has validated and authorised it. */
interface Resolved {
  at: string;
  by: Principal;
}

/**
 * The events the machine itself receives: the public events after validation, permission
 * checks and look-ups (for example the parent organisation a return goes to). Each is a
 * self-contained fact, which is also what the history records.
 */
export type MessageMachineEvent =
  | ({ type: 'moderation.accept'; deadline: RegistrationDeadline | null } & Resolved)
  | ({ type: 'moderation.reject'; reason: string } & Resolved)
  | ({
      type: 'executor.assign';
      executorId: string;
      executionDueAt: string | null;
      autoruleId: string | null;
    } & Resolved)
  | ({ type: 'work.take'; deadline: RegistrationDeadline | null } & Resolved)
  | ({
      type: 'coordination.forward';
      orgId: string;
      comment: string | null;
      autoruleId: string | null;
    } & Resolved)
  | ({ type: 'coordination.return'; toOrgId: string; comment: string } & Resolved)
  | ({ type: 'executor.reassign'; executorId: string; comment: string | null } & Resolved)
  | ({ type: 'answer.submit'; answer: AnswerDraft } & Resolved)
  | ({
      type: 'answer.approve';
      comment: string | null;
      ratingDueAt: string | null;
      deliveryDueAt: string | null;
    } & Resolved)
  | ({
      type: 'rating.submit';
      score: number;
      comment: string | null;
      reReview: {
        toOrgId: string;
        byCurator: boolean;
        deadline: RegistrationDeadline | null;
      } | null;
    } & Resolved)
  | ({
      type: 'delivery.confirm';
      channel: DeliveryChannel;
      note: string;
      ratingDueAt: string | null;
    } & Resolved)
  | ({ type: 'delivery.email_result'; sent: boolean; error: string | null } & Resolved)
  | ({ type: 'rating.window_closed'; dueAt: string } & Resolved)
  | ({ type: 'delivery.overdue'; dueAt: string } & Resolved)
  | ({ type: 'postponement.due'; until: string } & Resolved)
  | ({ type: 'answer.return'; comment: string } & Resolved)
  | ({ type: 'deadline.extension_request'; until: string; reason: string } & Resolved)
  | ({
      type: 'deadline.extension_approve';
      comment: string | null;
      responseDueAt: string;
      dueSoonAt: string;
    } & Resolved)
  | ({ type: 'deadline.extension_deny'; comment: string } & Resolved)
  | ({ type: 'deadline.due_soon'; dueAt: string } & Resolved)
  | ({ type: 'deadline.overdue'; dueAt: string } & Resolved)
  | ({
      type: 'registration.update';
      registrationNumber: string | null;
      registeredAt: string | null;
    } & Resolved);

export interface MessageMachineInput {
  message: Message;
}

const notify = (reason: NotificationReason, to: (m: Message) => Recipient) => ({
  type: 'effect' as const,
  params: ({ context }: { context: Message }): Effect => ({
    type: 'notify',
    reason,
    to: to(context),
    messageId: context.id,
  }),
});

const toApplicant = (): Recipient => ({ kind: 'applicant' });
const toHoldingOrg = (m: Message): Recipient => ({ kind: 'organisation', orgId: m.holdingOrgId });
const toRequester = (m: Message): Recipient =>
  m.pendingExtension ? { kind: 'user', userId: m.pendingExtension.requestedBy } : toHoldingOrg(m);
const toExecutor = (m: Message): Recipient =>
  m.executorId ? { kind: 'user', userId: m.executorId } : toHoldingOrg(m);

/**
 * A fresh deadline (re-review, resumed postponement) never ends before the one it replaces:
 * an extension granted earlier still holds.
 */
const laterDeadline = (
  context: Message,
  fresh: RegistrationDeadline | null,
): Pick<Message, 'responseDueAt' | 'dueSoonAt'> =>
  fresh && (context.responseDueAt === null || fresh.responseDueAt > context.responseDueAt)
    ? { responseDueAt: fresh.responseDueAt, dueSoonAt: fresh.dueSoonAt }
    : { responseDueAt: context.responseDueAt, dueSoonAt: context.dueSoonAt };

/** Sends the approved answer by e-mail when the applicant gave an address. */
const emailAnswer = {
  type: 'effect' as const,
  params: ({ context }: { context: Message }): Effect => ({
    type: 'email.answer',
    to: context.applicant.email ?? '',
    messageId: context.id,
  }),
};

/** Rating, shared by `answer_sent` and `answer_delivered`. */
const ratingLoop = {
  'rating.submit': [
    {
      guard: 'isReReview' as const,
      target: 'coordination' as const,
      actions: [
        'stamp' as const,
        'rate' as const,
        'reReview' as const,
        notify('re_review', toHoldingOrg),
      ],
    },
    { target: 'completed' as const, actions: ['stamp' as const, 'rate' as const] },
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

/**
 * The ПОС message lifecycle (SPEC §3) as an XState v5 machine.
 *
 * The root is parallel so that deadlines, rating and delivery compose in as regions of
 * their own; the `status` region holds the status codes. Actions that reach the outside
 * world are the named action `effect`, whose params are {@link Effect} data: `transition()`
 * returns them and adapters perform them. Nothing here reads a clock — every event carries
 * its instant `at`.
 */
export const messageMachine = setup({
  types: {
    context: {} as Message,
    events: {} as MessageMachineEvent,
    input: {} as MessageMachineInput,
  },
  actions: {
    /** An effect for the adapter to perform; the machine never performs it. */
    effect: (_, _params: Effect) => {},
    stamp: assign({ updatedAt: ({ event }) => event.at }),
    forwardTo: assign(({ context, event }) => {
      assertEvent(event, 'coordination.forward');
      return {
        holdingOrgId: event.orgId,
        arrivedBy: 'forwarded' as const,
        coordinatorId: null,
        executorId: null,
        executionDueAt: null,
        lastReturnComment: event.comment,
        delegatedByAutorule: event.autoruleId
          ? { ruleId: event.autoruleId, at: event.at }
          : context.delegatedByAutorule,
      };
    }),
    returnTo: assign(({ event }) => {
      assertEvent(event, 'coordination.return');
      return {
        holdingOrgId: event.toOrgId,
        arrivedBy: 'returned' as const,
        coordinatorId: null,
        executorId: null,
        executionDueAt: null,
        lastReturnComment: event.comment,
      };
    }),
    reassign: assign(({ event }) => {
      assertEvent(event, 'executor.reassign');
      return { executorId: event.executorId };
    }),
    approve: assign(({ context, event }) => {
      assertEvent(event, 'answer.approve');
      return {
        headId: event.by.id,
        ratingDueAt: event.ratingDueAt,
        deliveryDueAt: event.deliveryDueAt,
        answer: context.answer && {
          ...context.answer,
          approvedBy: event.by.id,
          approvedAt: event.at,
        },
      };
    }),
    register: assign(({ context, event }) => {
      assertEvent(event, 'moderation.accept');
      return {
        registeredAt: event.at,
        responseDueAt: event.deadline?.responseDueAt ?? context.responseDueAt,
        dueSoonAt: event.deadline?.dueSoonAt ?? context.dueSoonAt,
        timeZone: event.deadline?.timeZone ?? context.timeZone,
      };
    }),
    markOverdue: assign({ overdue: true }),
    rate: assign(({ context, event }) => {
      assertEvent(event, 'rating.submit');
      const rating = {
        score: event.score,
        comment: event.comment,
        ratedAt: event.at,
        ratedBy: event.by.id,
        round: context.reReviewRound,
      };
      return { ratings: [...context.ratings, rating], ratingDueAt: null };
    }),
    reReview: assign(({ context, event }) => {
      assertEvent(event, 'rating.submit');
      const target = event.reReview;
      if (!target) return {};
      return {
        holdingOrgId: target.toOrgId,
        arrivedBy: 're_review' as const,
        reReviewRound: context.reReviewRound + 1,
        reReviewByCurator: target.byCurator,
        previousAnswers: context.answer
          ? [...context.previousAnswers, context.answer]
          : context.previousAnswers,
        answer: null,
        coordinatorId: null,
        executorId: null,
        executionDueAt: null,
        headId: null,
        lastReturnComment: event.comment,
        ...laterDeadline(context, target.deadline),
        timeZone: target.deadline?.timeZone ?? context.timeZone,
        pendingExtension: null,
        delivery: null,
        deliveryDueAt: null,
        deliveryOverdue: false,
        answerEmail: null,
      };
    }),
    resume: assign(({ context, event }) => {
      if (event.type !== 'work.take' && event.type !== 'executor.reassign') return {};
      const deadline = event.type === 'work.take' ? event.deadline : null;
      return {
        previousAnswers: context.answer
          ? [...context.previousAnswers, context.answer]
          : context.previousAnswers,
        answer: null,
        ratingDueAt: null,
        deliveryDueAt: null,
        deliveryOverdue: false,
        ...laterDeadline(context, deadline),
      };
    }),
    confirmDelivery: assign(({ event }) => {
      assertEvent(event, 'delivery.confirm');
      return {
        delivery: {
          channel: event.channel,
          note: event.note,
          confirmedBy: event.by.id,
          confirmedAt: event.at,
        },
        ratingDueAt: event.ratingDueAt,
      };
    }),
    requestAnswerEmail: assign(({ event }) => ({
      answerEmail: { status: 'requested' as const, at: event.at, error: null },
    })),
    recordAnswerEmail: assign(({ event }) => {
      assertEvent(event, 'delivery.email_result');
      return {
        answerEmail: {
          status: event.sent ? ('sent' as const) : ('failed' as const),
          at: event.at,
          error: event.error,
        },
      };
    }),
    markDeliveryOverdue: assign({ deliveryOverdue: true }),
    requestExtension: assign(({ event }) => {
      assertEvent(event, 'deadline.extension_request');
      return {
        pendingExtension: {
          until: event.until,
          reason: event.reason,
          requestedBy: event.by.id,
          requestedAt: event.at,
        },
      };
    }),
    extend: assign(({ context, event }) => {
      assertEvent(event, 'deadline.extension_approve');
      return {
        responseDueAt: event.responseDueAt,
        dueSoonAt: event.dueSoonAt,
        pendingExtension: null,
        extensionsGranted: context.extensionsGranted + 1,
      };
    }),
    dropExtension: assign({ pendingExtension: null }),
    updateRegistration: assign(({ context, event }) => {
      assertEvent(event, 'registration.update');
      return {
        registrationNumber: event.registrationNumber ?? context.registrationNumber,
        registeredAt: event.registeredAt ?? context.registeredAt,
      };
    }),
  },
  guards: {
    isOperatorEntered: ({ context }) => context.channel === 'operator',
    /** A deadline runs from registration until an answer is approved. */
    deadlineRuns: ({ context }) => context.responseDueAt !== null && !context.answer?.approvedAt,
    /** A timer counts only for the instant it was set for (extensions move them). */
    timerIsCurrent: ({ context, event }) =>
      event.type === 'deadline.due_soon'
        ? event.dueAt === context.dueSoonAt
        : event.type === 'deadline.overdue' && event.dueAt === context.responseDueAt,
    isReReview: ({ event }) => event.type === 'rating.submit' && event.reReview !== null,
    applicantHasEmail: ({ context }) => context.applicant.email !== null,
    loopTimerIsCurrent: ({ context, event }) => {
      switch (event.type) {
        case 'rating.window_closed':
          return event.dueAt === context.ratingDueAt;
        case 'delivery.overdue':
          return event.dueAt === context.deliveryDueAt && !context.deliveryOverdue;
        case 'postponement.due':
          return (
            context.answer?.type === 'postponed' && event.until === context.answer.postponedUntil
          );
        default:
          return false;
      }
    },
    extendedIntoDueSoon: ({ event }) =>
      event.type === 'deadline.extension_approve' && event.at >= event.dueSoonAt,
  },
}).createMachine({
  id: 'message',
  type: 'parallel',
  context: ({ input }) => input.message,
  states: {
    status: {
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
              actions: ['stamp', 'register', notify('message_received', toHoldingOrg)],
            },
            'moderation.reject': {
              target: 'rejected',
              actions: [
                'stamp',
                assign({ rejectionReason: ({ event }) => event.reason }),
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
                'stamp',
                assign(({ context, event }) => ({
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
                'stamp',
                assign(({ event }) => ({ coordinatorId: event.by.id, executorId: event.by.id })),
              ],
            },
            'coordination.forward': {
              target: 'coordination',
              reenter: true,
              actions: ['stamp', 'forwardTo', notify('message_received', toHoldingOrg)],
            },
            'coordination.return': {
              target: 'coordination',
              reenter: true,
              actions: ['stamp', 'returnTo', notify('message_received', toHoldingOrg)],
            },
            'registration.update': { actions: ['stamp', 'updateRegistration'] },
          },
        },
        executor_assigned: {
          on: {
            'work.take': { target: 'in_work', actions: ['stamp'] },
            'executor.reassign': {
              target: 'executor_assigned',
              reenter: true,
              actions: ['stamp', 'reassign', notify('executor_assigned', toExecutor)],
            },
            'coordination.return': {
              target: 'coordination',
              actions: ['stamp', 'returnTo', notify('message_received', toHoldingOrg)],
            },
            'registration.update': { actions: ['stamp', 'updateRegistration'] },
          },
        },
        in_work: {
          on: {
            'answer.submit': {
              target: 'on_approval',
              actions: [
                'stamp',
                assign(({ event }) => ({
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
              actions: ['stamp', 'reassign', notify('executor_assigned', toExecutor)],
            },
            'coordination.return': {
              target: 'coordination',
              actions: ['stamp', 'returnTo', notify('message_received', toHoldingOrg)],
            },
            'registration.update': { actions: ['stamp', 'updateRegistration'] },
          },
        },
        on_approval: {
          on: {
            'answer.approve': [
              {
                guard: and(['isOperatorEntered', 'applicantHasEmail']),
                target: 'answer_ready',
                actions: [
                  'stamp',
                  'approve',
                  notify('answer_ready', () => ({ kind: 'operators' })),
                  'requestAnswerEmail',
                  emailAnswer,
                ],
              },
              {
                guard: 'isOperatorEntered',
                target: 'answer_ready',
                actions: [
                  'stamp',
                  'approve',
                  notify('answer_ready', () => ({ kind: 'operators' })),
                ],
              },
              {
                target: 'answer_sent',
                actions: ['stamp', 'approve', notify('answer_sent', toApplicant)],
              },
            ],
            'answer.return': {
              target: 'in_work',
              actions: [
                'stamp',
                assign({ lastReturnComment: ({ event }) => event.comment }),
                notify('answer_returned', toExecutor),
              ],
            },
            'registration.update': { actions: ['stamp', 'updateRegistration'] },
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
              actions: ['stamp', 'confirmDelivery'],
            },
            'delivery.email_result': { actions: ['stamp', 'recordAnswerEmail'] },
            'delivery.overdue': {
              guard: 'loopTimerIsCurrent',
              actions: [
                'stamp',
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
            'delivery.email_result': { actions: ['stamp', 'recordAnswerEmail'] },
            'postponement.due': postponementDue,
          },
        },
        postponed: {
          description: 'The date of a postponed answer has come: the executor resumes work.',
          on: {
            'work.take': { target: 'in_work', actions: ['stamp', 'resume'] },
            'executor.reassign': {
              target: 'executor_assigned',
              actions: ['stamp', 'resume', 'reassign', notify('executor_assigned', toExecutor)],
            },
          },
        },
        completed: { type: 'final' },
      },
    },
    deadline: {
      description:
        'The response deadline: on time → due soon → overdue, from registration until an answer is approved. Timers send the due_soon and overdue events.',
      initial: 'pending',
      states: {
        pending: { always: { guard: 'deadlineRuns', target: 'running' } },
        running: {
          initial: 'on_time',
          always: { guard: not('deadlineRuns'), target: 'stopped' },
          states: {
            on_time: {
              on: {
                'deadline.due_soon': {
                  guard: 'timerIsCurrent',
                  target: 'due_soon',
                  actions: ['stamp', notify('deadline_due_soon', toHoldingOrg)],
                },
                'deadline.overdue': {
                  guard: 'timerIsCurrent',
                  target: 'overdue',
                  actions: ['stamp', 'markOverdue', notify('deadline_overdue', toHoldingOrg)],
                },
              },
            },
            due_soon: {
              on: {
                'deadline.overdue': {
                  guard: 'timerIsCurrent',
                  target: 'overdue',
                  actions: ['stamp', 'markOverdue', notify('deadline_overdue', toHoldingOrg)],
                },
              },
            },
            overdue: { description: '«Просрочено» stays true even after a late answer.' },
          },
          on: {
            'deadline.extension_request': {
              actions: ['stamp', 'requestExtension', notify('extension_requested', toHoldingOrg)],
            },
            'deadline.extension_approve': [
              {
                guard: 'extendedIntoDueSoon',
                target: '.due_soon',
                actions: ['stamp', 'extend', notify('deadline_extended', toApplicant)],
              },
              {
                target: '.on_time',
                actions: ['stamp', 'extend', notify('deadline_extended', toApplicant)],
              },
            ],
            'deadline.extension_deny': {
              // Tell the requester before the request is dropped: the notice names them.
              actions: ['stamp', notify('extension_denied', toRequester), 'dropExtension'],
            },
          },
        },
        stopped: {
          description: 'Answered; a re-review starts a fresh deadline.',
          always: { guard: 'deadlineRuns', target: 'running' },
        },
      },
    },
  },
});

export type MessageMachine = typeof messageMachine;

/** The status region's value as a status code. */
export function statusOfValue(value: unknown): MessageStatus {
  const status = (value as { status?: unknown } | null)?.status;
  if (typeof status !== 'string' || status === 'received') {
    throw new Error(`not a settled message state: ${JSON.stringify(value)}`);
  }
  return status as MessageStatus;
}
