import type { MessageStatus } from '../schemas/message.js';
import { deadlineRegion } from './deadline-region.js';
import { messageSetup } from './setup.js';
import { statusRegion } from './status-region.js';

export type {
  MessageMachineContext,
  MessageMachineEvent,
  MessageMachineInput,
} from './events.js';

/**
 * The ПОС message lifecycle (SPEC §3) as an XState v5 machine.
 *
 * The root is parallel so that deadlines, rating and delivery compose in as regions of
 * their own; the `status` region holds the status codes. Actions that reach the outside
 * world are the named action `effect`, whose params are {@link Effect} data: `transition()`
 * returns them and adapters perform them. Nothing here reads a clock — every event carries
 * its instant `at`.
 */
export const messageMachine = messageSetup.createMachine({
  id: 'message',
  type: 'parallel',
  // A spread copy, so that V8 keeps the message in fast mode (see `update`).
  context: ({ input }) => ({ message: { ...input.message } }),
  states: {
    status: statusRegion,
    deadline: deadlineRegion,
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
