import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import type { StateValue } from 'xstate';

/** «status.coordination · deadline.running.on_time» of a parallel state value. */
export function stateLine(value: StateValue): string {
  if (typeof value === 'string') return value;
  // The status region first: it is what people read; the deadline region follows.
  const entries = Object.entries(value).sort(([a], [b]) =>
    a === 'status' ? -1 : b === 'status' ? 1 : 0,
  );
  return entries
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateLine(child as StateValue)}`))
    .join(' · ');
}

function describe(event: StatelyInspectionEvent, names: Map<string, string>): string | null {
  const actor = names.get(event.sessionId) ?? event.sessionId;
  switch (event.type) {
    case '@xstate.actor':
      names.set(event.sessionId, event.name);
      return `[${event.name}] actor started`;
    case '@xstate.event': {
      const e = event.event as { type: string; at?: string; by?: { name?: string; id?: string } };
      if (e.type.startsWith('xstate.')) return null;
      const by = e.by ? ` by ${e.by.name ?? e.by.id}` : '';
      return `[${actor}] event ${e.type}${by}${e.at ? ` at ${e.at}` : ''}`;
    }
    case '@xstate.snapshot': {
      if (event.snapshot.status === 'stopped') return `[${actor}] actor stopped`;
      const value = (event.snapshot as { value?: StateValue }).value;
      return value === undefined ? null : `[${actor}]   state ${stateLine(value)}`;
    }
    default:
      return null;
  }
}

/**
 * An inspector for machines without the internet: the same `@statelyai/inspect` pipeline
 * the live inspectors use, with an adapter that prints each inspection event as a line —
 * the actor, the event with who sent it and when, the state it leads to.
 *
 * @example
 * const inspector = createOfflineInspector((line) => console.log(line));
 * createActor(messageMachine, { input, inspect: inspector.inspect }).start();
 */
export function createOfflineInspector(
  print: (line: string) => void,
): ReturnType<typeof createInspector> {
  const names = new Map<string, string>();
  return createInspector({
    send(event) {
      const line = describe(event, names);
      if (line !== null) print(line);
    },
  });
}

/** Waits until the inspector has passed on everything (it defers each event a tick). */
export const flushInspector = () => new Promise((resolve) => setTimeout(resolve, 20));
