import { workedMessages } from './demo-in-work.js';
import { incomingMessages } from './demo-incoming.js';
import { type DemoMessage, demoContext } from './demo-message.js';
import { ulyanovskMessages } from './demo-ulyanovsk.js';

export type { DemoMessage } from './demo-message.js';

/**
 * The demo messages, relative to `now` so that countdowns look real: at least one in every
 * status, in Kamchatka (UTC+12) and Ulyanovsk (UTC+4), entered online and by phone, on time,
 * due soon and overdue, returned, re-reviewed, postponed.
 */
export function demoMessages(now: Date): DemoMessage[] {
  const context = demoContext(now);
  return [
    ...incomingMessages(context),
    ...workedMessages(context),
    ...ulyanovskMessages(context),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
}
