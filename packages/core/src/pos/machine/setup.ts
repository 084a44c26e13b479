import { assertEvent, assign, setup } from 'xstate';
import type { Effect, NotificationReason, Recipient } from '../../kernel/effects.js';
import type { RegistrationDeadline } from '../deadline.js';
import { copyMessage } from '../schemas/copy.js';
import type { Message } from '../schemas/message.js';
import type { MessageMachineContext, MessageMachineEvent, MessageMachineInput } from './events.js';

export const notify = (reason: NotificationReason, to: (m: Message) => Recipient) => ({
  type: 'effect' as const,
  params: ({ context: { message } }: { context: MessageMachineContext }): Effect => ({
    type: 'notify',
    reason,
    to: to(message),
    messageId: message.id,
  }),
});

/**
 * An `assign` of message fields: `change` reads the message and the event and returns the
 * fields that change; `updatedAt` becomes the event's instant as well, so a transition
 * with an update needs no separate `stamp` (each assign copies the whole message and the
 * machine snapshot). The message is copied with {@link copyMessage}, a literal of all its
 * fields, so the changed fields only overwrite properties it already has: that keeps it in
 * V8's fast mode on every Node version (xstate's own merge, `Object.assign({}, …)`, turns
 * an object of more than about 16 keys into a slow dictionary on Node 22 and later), and a
 * stored message, frozen, is not spread property by property.
 */
export const update = <E extends MessageMachineEvent = MessageMachineEvent>(
  change: (args: { context: Message; event: E }) => Partial<Message>,
) =>
  assign<MessageMachineContext, E, undefined, MessageMachineEvent, never>(({ context, event }) => {
    const message = copyMessage(context.message);
    message.updatedAt = event.at;
    return { message: Object.assign(message, change({ context: context.message, event })) };
  });

export const toApplicant = (): Recipient => ({ kind: 'applicant' });
export const toHoldingOrg = (m: Message): Recipient => ({
  kind: 'organisation',
  orgId: m.holdingOrgId,
});
export const toRequester = (m: Message): Recipient =>
  m.pendingExtension ? { kind: 'user', userId: m.pendingExtension.requestedBy } : toHoldingOrg(m);
export const toExecutor = (m: Message): Recipient =>
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

/**
 * The message machine's named actions and guards. Actions that reach the outside world are
 * the named action `effect`, whose params are {@link Effect} data: `transition()` returns
 * them and adapters perform them. The regions (status-region.ts, deadline-region.ts) use
 * these by name.
 */
export const messageSetup = setup({
  types: {
    context: {} as MessageMachineContext,
    events: {} as MessageMachineEvent,
    input: {} as MessageMachineInput,
  },
  actions: {
    /** An effect for the adapter to perform; the machine never performs it. */
    effect: (_, _params: Effect) => {},
    /** Only `updatedAt`: for transitions that change nothing else (every update stamps). */
    stamp: update(() => ({})),
    forwardTo: update(({ context, event }) => {
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
    returnTo: update(({ event }) => {
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
    reassign: update(({ event }) => {
      assertEvent(event, 'executor.reassign');
      return { executorId: event.executorId };
    }),
    approve: update(({ context, event }) => {
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
    correct: update(({ event }) => {
      assertEvent(event, 'moderation.correct');
      return {
        receivedOrgId: event.to.orgId,
        holdingOrgId: event.to.orgId,
        categoryId: event.to.categoryId,
        subcategoryId: event.to.subcategoryId,
        factId: event.to.factId,
        fastTrack: event.fastTrack,
        timeZone: event.timeZone,
      };
    }),
    register: update(({ context, event }) => {
      assertEvent(event, 'moderation.accept');
      return {
        registeredAt: event.at,
        responseDueAt: event.deadline?.responseDueAt ?? context.responseDueAt,
        dueSoonAt: event.deadline?.dueSoonAt ?? context.dueSoonAt,
        timeZone: event.deadline?.timeZone ?? context.timeZone,
      };
    }),
    markOverdue: update(() => ({ overdue: true })),
    rate: update(({ context, event }) => {
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
    reReview: update(({ context, event }) => {
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
    resume: update(({ context, event }) => {
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
    confirmDelivery: update(({ event }) => {
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
    requestAnswerEmail: update(({ event }) => ({
      answerEmail: { status: 'requested' as const, at: event.at, error: null },
    })),
    recordAnswerEmail: update(({ event }) => {
      assertEvent(event, 'delivery.email_result');
      return {
        answerEmail: {
          status: event.sent ? ('sent' as const) : ('failed' as const),
          at: event.at,
          error: event.error,
        },
      };
    }),
    markDeliveryOverdue: update(() => ({ deliveryOverdue: true })),
    requestExtension: update(({ event }) => {
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
    extend: update(({ context, event }) => {
      assertEvent(event, 'deadline.extension_approve');
      return {
        responseDueAt: event.responseDueAt,
        dueSoonAt: event.dueSoonAt,
        pendingExtension: null,
        extensionsGranted: context.extensionsGranted + 1,
      };
    }),
    dropExtension: update(() => ({ pendingExtension: null })),
    updateRegistration: update(({ context, event }) => {
      assertEvent(event, 'registration.update');
      return {
        registrationNumber: event.registrationNumber ?? context.registrationNumber,
        registeredAt: event.registeredAt ?? context.registeredAt,
      };
    }),
  },
  guards: {
    isOperatorEntered: ({ context: { message: context } }) => context.channel === 'operator',
    /** A deadline runs from registration until an answer is approved. */
    deadlineRuns: ({ context: { message: context } }) =>
      context.responseDueAt !== null && !context.answer?.approvedAt,
    /** A timer counts only for the instant it was set for (extensions move them). */
    timerIsCurrent: ({ context: { message: context }, event }) =>
      event.type === 'deadline.due_soon'
        ? event.dueAt === context.dueSoonAt
        : event.type === 'deadline.overdue' && event.dueAt === context.responseDueAt,
    isReReview: ({ event }) => event.type === 'rating.submit' && event.reReview !== null,
    applicantHasEmail: ({ context: { message: context } }) => context.applicant.email !== null,
    loopTimerIsCurrent: ({ context: { message: context }, event }) => {
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
});
