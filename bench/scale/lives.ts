/**
 * Message lives the templates are made of: each is a submit and a list of events at minutes
 * after it, played through the real store (timers fire as a worker would fire them), and
 * observed `observe` minutes after the submit. `weight` is the share of the generated rows
 * (per ten thousand) that copy it: about nine in ten messages are closed, the rest are in
 * the folders staff work in, in proportions of a working platform.
 */
import type { MessageEventInput, SubmitEventInput } from '@reshaem/core';
import {
  applicant,
  moderator,
  operator,
  operatorMarker,
  staff,
  staffId,
  templateRegion,
} from './template-world.js';

/** An event without its instant (each union member's own fields kept). */
type Event = MessageEventInput extends infer E
  ? E extends unknown
    ? Omit<E, 'at'>
    : never
  : never;
/** An event, or one built from the local date `days` after the submit (`YYYY-MM-DD`). */
type Step = [minutes: number, event: Event | ((dateAfter: (days: number) => string) => Event)];
export interface Life {
  name: string;
  weight: number;
  /** `fast`: a fast-track subcategory (10 days); `plain`: 30 calendar days. */
  topic: 'fast' | 'plain';
  operatorEntered: boolean;
  steps: Step[];
  observe: number;
}

const H = 60;
const D = 24 * H;
const coordMin = staff('zzMIN', 'c');
const coordInst = staff('zzINST', 'c');
const execInst = staff('zzINST', 'e');
const headInst = staff('zzINST', 'h');
const answer = (type: 'resolved' | 'not_resolved' | 'declined') => ({
  type: 'answer.submit',
  by: execInst,
  answer: { type, text: 'Работы выполнены, проблема устранена. zzANSWER' },
});

const accept: Step = [3 * H, { type: 'moderation.accept', by: moderator }];
const forward: Step = [D, { type: 'coordination.forward', by: coordMin, orgId: 'zzINST' }];
const assign: Step = [
  D + 2 * H,
  { type: 'executor.assign', by: coordInst, executorId: staffId('zzINST', 'e') },
];
const take: Step = [2 * D, { type: 'work.take', by: execInst }];
const answered = (minutes: number, type: 'resolved' | 'declined' = 'resolved'): Step => [
  minutes,
  answer(type) as Event,
];
const approve = (minutes: number): Step => [minutes, { type: 'answer.approve', by: headInst }];
const rate = (minutes: number, score: number): Step => [
  minutes,
  { type: 'rating.submit', by: applicant, score },
];
const register: Step = [
  D + 3 * H,
  { type: 'registration.update', by: coordInst, registrationNumber: 'zzREGNUM' },
];
const toWork = [accept, forward, assign, register, take];

export const lives: Life[] = [
  // ---- closed
  {
    name: 'completed, rated',
    weight: 2350,
    topic: 'plain',
    operatorEntered: false,
    steps: [...toWork, answered(8 * D), approve(9 * D), rate(12 * D, 5)],
    observe: 40 * D,
  },
  {
    name: 'completed, rated, answered near the deadline',
    weight: 2000,
    topic: 'plain',
    operatorEntered: false,
    steps: [...toWork, answered(25 * D), approve(26 * D), rate(28 * D, 4)],
    observe: 40 * D,
  },
  {
    name: 'completed, fast-track',
    weight: 1200,
    topic: 'fast',
    operatorEntered: false,
    steps: [...toWork, answered(5 * D), approve(6 * D), rate(7 * D, 4)],
    observe: 40 * D,
  },
  {
    name: 'completed after rework, late',
    weight: 1000,
    topic: 'plain',
    operatorEntered: false,
    steps: [
      ...toWork,
      answered(20 * D),
      [21 * D, { type: 'answer.return', by: headInst, comment: 'Уточните сроки работ' }],
      answered(33 * D),
      approve(34 * D),
      rate(36 * D, 3),
    ],
    observe: 60 * D,
  },
  {
    name: 'completed, rating window closed',
    weight: 1500,
    topic: 'plain',
    operatorEntered: false,
    steps: [...toWork, answered(10 * D), approve(11 * D)],
    observe: 60 * D,
  },
  {
    name: 'completed by phone (operator)',
    weight: 400,
    topic: 'plain',
    operatorEntered: true,
    steps: [
      [H, { type: 'executor.assign', by: coordMin, executorId: staffId('zzMIN', 'e') }],
      [D, { type: 'work.take', by: staff('zzMIN', 'e') }],
      [
        6 * D,
        {
          type: 'answer.submit',
          by: staff('zzMIN', 'e'),
          answer: { type: 'resolved', text: 'Проблема устранена. zzANSWER' },
        },
      ],
      [7 * D, { type: 'answer.approve', by: staff('zzMIN', 'h') }],
      [8 * D, { type: 'delivery.confirm', by: operator, channel: 'phone', note: 'Сообщено' }],
      [9 * D, { type: 'rating.submit', by: operator, score: 5 }],
    ],
    observe: 40 * D,
  },
  {
    name: 'rejected',
    weight: 600,
    topic: 'plain',
    operatorEntered: false,
    steps: [[5 * H, { type: 'moderation.reject', by: moderator, reason: 'Нецензурная лексика' }]],
    observe: 3 * D,
  },
  // ---- active
  {
    name: 'moderation',
    weight: 60,
    topic: 'plain',
    operatorEntered: false,
    steps: [],
    observe: 2 * H,
  },
  {
    name: 'coordination',
    weight: 150,
    topic: 'plain',
    operatorEntered: false,
    steps: [accept],
    observe: 6 * H,
  },
  {
    name: 'executor assigned',
    weight: 100,
    topic: 'plain',
    operatorEntered: false,
    steps: [accept, forward, assign],
    observe: D + 6 * H,
  },
  {
    name: 'in work',
    weight: 200,
    topic: 'plain',
    operatorEntered: false,
    steps: toWork,
    observe: 4 * D,
  },
  {
    name: 'in work, overdue',
    weight: 50,
    topic: 'fast',
    operatorEntered: false,
    steps: toWork,
    observe: 12 * D,
  },
  {
    name: 'in work, extension requested',
    weight: 20,
    topic: 'plain',
    operatorEntered: false,
    steps: [
      ...toWork,
      [
        3 * D,
        (dateAfter) => ({
          type: 'deadline.extension_request',
          by: execInst,
          until: dateAfter(45),
          reason: 'Работы требуют подрядчика',
        }),
      ],
    ],
    observe: 4 * D,
  },
  {
    name: 'on approval',
    weight: 80,
    topic: 'plain',
    operatorEntered: false,
    steps: [...toWork, answered(8 * D)],
    observe: 8 * D + 6 * H,
  },
  {
    name: 'answer sent',
    weight: 250,
    topic: 'plain',
    operatorEntered: false,
    steps: [...toWork, answered(8 * D), approve(9 * D)],
    observe: 11 * D,
  },
  {
    name: 'answer ready (operator)',
    weight: 40,
    topic: 'plain',
    operatorEntered: true,
    steps: [
      [H, { type: 'executor.assign', by: coordMin, executorId: staffId('zzMIN', 'e') }],
      [D, { type: 'work.take', by: staff('zzMIN', 'e') }],
      [
        6 * D,
        {
          type: 'answer.submit',
          by: staff('zzMIN', 'e'),
          answer: { type: 'resolved', text: 'Проблема устранена. zzANSWER' },
        },
      ],
      [7 * D, { type: 'answer.approve', by: staff('zzMIN', 'h') }],
    ],
    observe: 7 * D + 4 * H,
  },
];

/** The life's submit, at the template's first instant. */
export function submitOf(life: Life, messageId: string, at: string): SubmitEventInput {
  const fast = life.topic === 'fast';
  return {
    type: 'submit',
    at,
    by: life.operatorEntered ? operator : applicant,
    messageId,
    number: `zzNUM${messageId}`,
    channel: life.operatorEntered ? 'operator' : 'epgu_form',
    orgId: life.operatorEntered ? 'zzMIN' : 'zzMIN',
    regionCode: templateRegion,
    applicant: {
      name: 'zzNAME',
      email: 'zzAPP@example.ru',
      userId: life.operatorEntered ? null : 'zzAPP',
    },
    text: life.operatorEntered ? `${operatorMarker}. zzTEXT` : 'zzTEXT',
    categoryId: fast ? 'roads' : 'health',
    subcategoryId: fast ? 'potholes' : 'clinic-queue',
    factId: fast ? 'pothole-street' : null,
  } as SubmitEventInput;
}
