import { not } from 'xstate';
import { messageSetup, notify, toApplicant, toHoldingOrg, toRequester } from './setup.js';

/** The deadline region: the response deadline from registration until an approved answer. */
export const deadlineRegion = messageSetup.createStateConfig({
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
              actions: ['markOverdue', notify('deadline_overdue', toHoldingOrg)],
            },
          },
        },
        due_soon: {
          on: {
            'deadline.overdue': {
              guard: 'timerIsCurrent',
              target: 'overdue',
              actions: ['markOverdue', notify('deadline_overdue', toHoldingOrg)],
            },
          },
        },
        overdue: { description: '«Просрочено» stays true even after a late answer.' },
      },
      on: {
        'deadline.extension_request': {
          actions: ['requestExtension', notify('extension_requested', toHoldingOrg)],
        },
        'deadline.extension_approve': [
          {
            guard: 'extendedIntoDueSoon',
            target: '.due_soon',
            actions: ['extend', notify('deadline_extended', toApplicant)],
          },
          {
            target: '.on_time',
            actions: ['extend', notify('deadline_extended', toApplicant)],
          },
        ],
        'deadline.extension_deny': {
          // Tell the requester before the request is dropped: the notice names them.
          actions: [notify('extension_denied', toRequester), 'dropExtension'],
        },
      },
    },
    stopped: {
      description: 'Answered; a re-review starts a fresh deadline.',
      always: { guard: 'deadlineRuns', target: 'running' },
    },
  },
});
