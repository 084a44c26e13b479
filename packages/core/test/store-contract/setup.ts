import { expect } from 'vitest';
import type {
  MessageStore,
  MessageStoreOptions,
  Principal,
  StoreWriteResult,
  StoreWritten,
} from '../../src/index.js';
import { at, directory } from '../helpers.js';

/** Makes a store over an empty database. */
export type MakeStore = (options: MessageStoreOptions) => Promise<MessageStore>;

export const storeOptions = (extra: Partial<MessageStoreOptions> = {}): MessageStoreOptions => ({
  directory,
  ...extra,
});

export type Step = Record<string, unknown> & { type: string; by: Principal };

/** Asserts a write succeeded and returns it. */
export function written(result: StoreWriteResult): StoreWritten {
  if (!result.ok)
    expect.fail(`expected a write, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

/** Asserts a write was refused with `kind`. */
export function refusedWith(result: StoreWriteResult, kind: string) {
  expect(
    result.ok,
    result.ok ? `expected ${kind}, got version ${result.message.version}` : '',
  ).toBe(false);
  if (!result.ok) expect(result.error.kind).toBe(kind);
  return result;
}

/** Sends steps in order, one minute apart from minute `from`, failing on a refusal. */
export async function sendSteps(
  store: MessageStore,
  messageId: string,
  steps: Step[],
  from: number,
): Promise<StoreWritten | undefined> {
  let last: StoreWritten | undefined;
  for (const [i, step] of steps.entries()) {
    const result = await store.send(messageId, { at: at(from + i), ...step });
    if (!result.ok) {
      expect.fail(`${step.type} by ${step.by.id} on ${messageId}: ${result.error.message}`);
    }
    last = result;
  }
  return last;
}

/** Everything a store holds about one message, to compare before and after a refusal. */
export async function stateOf(store: MessageStore, messageId: string) {
  return {
    message: await store.get(messageId),
    history: await store.history(messageId),
    outbox: await store.messageOutbox(messageId),
    timers: await store.messageTimers(messageId),
  };
}
