import { assign, setup } from 'xstate';
import { unmetCloseRequirement } from '../close-reasons.js';
import type { CaseEffect } from '../effects.js';
import { notify, toExecutor, toStaff } from '../notify.js';
import type { CaseRecord } from '../schemas/case.js';
import { copyCard } from '../schemas/copy.js';
import { FEDERAL_LABEL } from '../schemas/parts.js';
import * as u from '../updates.js';
import type { CaseMachineContext, CaseMachineEvent, CaseMachineInput } from './events.js';

/**
 * An `assign` of card fields: `change` reads the card and the event and returns the fields
 * that change. The card is copied with {@link copyCard}, a literal of all its fields, so the
 * changes only overwrite properties it has: V8 keeps it in fast mode (xstate's own
 * `Object.assign({}, …)` merge makes a slow dictionary of it on Node 22 and later), and a
 * stored card, frozen, is not spread property by property.
 */
const update = (
  change: (args: { context: CaseRecord; event: CaseMachineEvent }) => Partial<CaseRecord>,
) =>
  assign<CaseMachineContext, CaseMachineEvent, undefined, CaseMachineEvent, never>(
    ({ context, event }) => ({
      card: Object.assign(copyCard(context.card), change({ context: context.card, event })),
    }),
  );

const reviewRequested = notify('case_review_requested', toStaff('curator'));
const backToExecutor = notify('case_back_in_work', toExecutor);
const assignedNotice = notify('case_assigned', toExecutor);

/** What a card in `in_work` or `postponed` takes whatever its lock. */
const anyLock = {
  'case.assign': { target: '.free', actions: ['stamp', 'assignExecutor', assignedNotice] },
  'case.comment': { actions: ['stamp', 'logComment'] },
} as const;

/** The lock's own transitions, in either lockable status. */
const lockFree = {
  'case.lock': { guard: 'holdsNoOtherCard', target: 'held', actions: ['stamp', 'takeLock'] },
} as const;
const lockHeld = {
  'case.release': [
    { guard: 'byHolder', target: 'free', actions: ['stamp', 'releaseLock'] },
    {
      target: 'free',
      actions: ['stamp', notify('case_lock_released', toExecutor), 'releaseLock'],
    },
  ],
  'case.contact_attempt': { actions: ['stamp', 'attempt'] },
  'case.resolve': {
    target: '#case.curator_check',
    actions: ['stamp', 'submitResolution', reviewRequested],
  },
} as const;

/** A close request: to the curator when complete, else back to the executor (`returnTo`). */
const closeRequest = (returnTo: string | undefined) =>
  [
    {
      guard: 'closeRequirementMet',
      target: '#case.curator_check',
      actions: ['stamp', 'requestClosing', 'logComment', reviewRequested],
    },
    {
      target: returnTo,
      actions: [
        'stamp',
        'returnClosing',
        'logComment',
        notify('case_close_request_returned', toExecutor),
      ],
    },
  ] as const;

/**
 * The «ОНФ. Помощь» card lifecycle (SPEC §9, seed 003) as an XState v5 machine; the module
 * comment of `onf/index.ts` explains every rule and decision. `in_work` and `postponed` nest
 * the executor's lock (`free` / `held`), so the state value alone says which events a card
 * takes: the work buttons exist only while the executor holds the card. Effects are the
 * named action `effect` with {@link CaseEffect} params; nothing here reads a clock.
 */
export const caseMachine = setup({
  types: {
    context: {} as CaseMachineContext,
    events: {} as CaseMachineEvent,
    input: {} as CaseMachineInput,
  },
  actions: {
    /** An effect for the adapter to perform; the machine never performs it. */
    effect: (_, _params: CaseEffect) => {},
    stamp: update(({ event }) => ({ updatedAt: event.at })),
    logComment: update(({ context, event }) => u.withComment(context, event)),
    assignExecutor: update(u.on('case.assign', u.assigned)),
    unassign: update(() => u.unassigned),
    takeLock: update(({ event }) => ({ lock: { holderId: event.by.id, since: event.at } })),
    releaseLock: update(() => ({ lock: null })),
    attempt: update(u.on('case.contact_attempt', u.attempted)),
    markFederal: update(({ context }) => u.federal(context)),
    submitResolution: update(u.on('case.resolve', u.resolutionSubmitted)),
    postpone: update(u.on('case.postpone', u.postponed)),
    endPostponement: update(() => ({ postponement: null })),
    requestClosing: update(u.on('case.close_request', u.closingRequested)),
    returnClosing: update(u.on('case.close_request', u.closingReturned)),
    requestRereview: update(u.on('case.rereview_request', u.rereviewRequested)),
    fixRereview: update(u.on('case.rereview_fix', u.rereviewFixed)),
    requestSupport: update(u.on('case.support_request', u.supportRequested)),
    fixFields: update(u.on('case.support_fix', u.fieldsFixed)),
    accept: update(u.on('case.accept', u.accepted)),
    returnForRework: update(u.on('case.return', u.returnedForRework)),
  },
  guards: {
    /** Defence in depth: the workflow refuses a lock with `lock_conflict` before this. */
    holdsNoOtherCard: ({ event }) => event.type === 'case.lock' && event.heldCardIds.length === 0,
    byHolder: ({ context: { card: context }, event }) => context.lock?.holderId === event.by.id,
    notFederal: ({ context: { card: context } }) => !context.labels.includes(FEDERAL_LABEL),
    closeRequirementMet: ({ context: { card: context }, event }) =>
      event.type === 'case.close_request' && unmetCloseRequirement(context, event) === null,
    /** After a re-review the executor keeps the card unless it moved to another region. */
    keepsExecutor: ({ context: { card: context }, event }) =>
      event.type === 'case.rereview_fix' &&
      context.executorId !== null &&
      event.regionCode === context.regionCode,
    reviewsResolution: ({ context: { card: context } }) => context.resolution !== null,
    /** A postponement timer counts only for the date it was set for. */
    postponementIsCurrent: ({ context: { card: context }, event }) =>
      event.type === 'case.postponement_due' && event.until === context.postponement?.until,
  },
}).createMachine({
  id: 'case',
  // A spread copy, so that V8 keeps the card in fast mode (see `update`).
  context: ({ input }) => ({ card: { ...input.card } }),
  initial: 'new',
  states: {
    new: {
      entry: [notify('case_received', toStaff('supervisor'))],
      on: {
        'case.assign': { target: 'in_work', actions: ['stamp', 'assignExecutor', assignedNotice] },
        'case.rereview_request': {
          target: 'moderation',
          actions: [
            'stamp',
            'requestRereview',
            'logComment',
            notify('case_rereview_requested', toStaff('moderator')),
          ],
        },
        'case.comment': { actions: ['stamp', 'logComment'] },
      },
    },
    moderation: {
      on: {
        'case.rereview_fix': [
          {
            guard: 'keepsExecutor',
            target: 'in_work',
            actions: ['stamp', 'fixRereview', 'logComment', backToExecutor],
          },
          { target: 'new', actions: ['stamp', 'fixRereview', 'unassign', 'logComment'] },
        ],
        'case.comment': { actions: ['stamp', 'logComment'] },
      },
    },
    in_work: {
      initial: 'free',
      on: anyLock,
      states: {
        free: { on: lockFree },
        held: {
          on: {
            ...lockHeld,
            'case.federal_level': {
              guard: 'notFederal',
              actions: ['stamp', 'markFederal', 'logComment'],
            },
            'case.postpone': {
              target: '#case.postponed',
              actions: ['stamp', 'postpone', 'logComment'],
            },
            'case.close_request': closeRequest(undefined),
            'case.rereview_request': {
              target: '#case.moderation',
              actions: [
                'stamp',
                'requestRereview',
                'logComment',
                notify('case_rereview_requested', toStaff('moderator')),
              ],
            },
            'case.support_request': {
              target: '#case.support',
              actions: [
                'stamp',
                'requestSupport',
                'logComment',
                notify('case_support_requested', toStaff('support')),
              ],
            },
          },
        },
      },
    },
    postponed: {
      initial: 'free',
      on: anyLock,
      states: {
        free: {
          on: {
            ...lockFree,
            'case.postponement_due': {
              guard: 'postponementIsCurrent',
              target: '#case.in_work.free',
              actions: ['stamp', 'endPostponement', notify('case_postponement_due', toExecutor)],
            },
          },
        },
        held: {
          on: {
            ...lockHeld,
            'case.postponement_due': {
              guard: 'postponementIsCurrent',
              target: '#case.in_work.held',
              actions: ['stamp', 'endPostponement', notify('case_postponement_due', toExecutor)],
            },
            'case.postpone': { target: 'free', actions: ['stamp', 'postpone', 'logComment'] },
            'case.close_request': closeRequest('#case.in_work.held'),
          },
        },
      },
    },
    curator_check: {
      on: {
        'case.accept': [
          {
            guard: 'reviewsResolution',
            target: 'done',
            actions: ['stamp', 'accept', 'logComment', notify('case_done', toExecutor)],
          },
          {
            target: 'closed',
            actions: ['stamp', 'accept', 'logComment', notify('case_closed', toExecutor)],
          },
        ],
        'case.return': {
          target: 'in_work',
          actions: ['stamp', 'returnForRework', 'logComment', notify('case_returned', toExecutor)],
        },
        'case.comment': { actions: ['stamp', 'logComment'] },
      },
    },
    support: {
      on: {
        'case.support_fix': {
          target: 'in_work',
          actions: ['stamp', 'fixFields', 'logComment', backToExecutor],
        },
        'case.comment': { actions: ['stamp', 'logComment'] },
      },
    },
    done: { type: 'final' },
    closed: { type: 'final' },
  },
});

export type CaseMachine = typeof caseMachine;
