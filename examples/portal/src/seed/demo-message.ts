import { localDateIn, type MessageStatus } from '@reshaem/core';
import type { DemoStep, DemoSubmit } from './steps.js';

/** A message of the demo data: how it was submitted, what happened to it, where it ends. */
export interface DemoMessage {
  id: string;
  hoursAgo: number;
  submit: DemoSubmit;
  steps: DemoStep[];
  /** The status seeding leaves it in, once the timers due by then have fired. */
  status: MessageStatus;
}

/** Helpers the demo messages are written with, relative to the seeding clock. */
export interface DemoContext {
  /** The head of a demo message. */
  m(
    id: string,
    hoursAgo: number,
    submit: DemoSubmit,
    status: MessageStatus,
  ): Omit<DemoMessage, 'steps'>;
  /** `days` from now (negative: ago). */
  inDays(days: number): Date;
  /** The Kamchatka calendar date `days` from now. */
  kamchatkaDate(days: number): string;
  /** A «Решено» answer with its files. */
  resolved(
    text: string,
    files?: string[],
  ): { type: 'resolved'; text: string; files: { name: string }[] };
}

const HOUR = 3_600_000;

/** The helpers for a seeding clock. */
export function demoContext(now: Date): DemoContext {
  const inDays = (days: number) => new Date(now.getTime() + days * 24 * HOUR);
  return {
    m: (id, hoursAgo, submit, status) => ({ id: `demo-${id}`, hoursAgo, submit, status }),
    inDays,
    kamchatkaDate: (days) => localDateIn(inDays(days), 'Asia/Kamchatka'),
    resolved: (text, files = []) => ({
      type: 'resolved',
      text,
      files: files.map((name) => ({ name })),
    }),
  };
}
