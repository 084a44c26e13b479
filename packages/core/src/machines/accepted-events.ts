import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';

function collect(node: AnyStateNode, value: StateValue, out: Set<string>): void {
  for (const type of node.ownEvents) out.add(type);
  if (typeof value === 'string') {
    const child = node.states[value];
    if (child) for (const type of child.ownEvents) out.add(type);
    return;
  }
  for (const [key, childValue] of Object.entries(value)) {
    const child = node.states[key];
    if (child && childValue !== undefined) collect(child, childValue as StateValue, out);
  }
}

/**
 * For a machine, a function giving the event types some active state node handles in a
 * state value — in every region of a parallel machine. Results are cached per value.
 */
export function acceptedEventsOf(
  machine: AnyStateMachine,
): (value: StateValue) => ReadonlySet<string> {
  const cache = new Map<string, ReadonlySet<string>>();
  // The same value object is asked about many times in a row (one per event type when a
  // portal draws buttons): remember the answer per object before building a string key.
  const byObject = new WeakMap<object, ReadonlySet<string>>();
  return (value) => {
    if (typeof value === 'object' && value !== null) {
      const known = byObject.get(value);
      if (known) return known;
    }
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    let set = cache.get(key);
    if (!set) {
      const out = new Set<string>();
      collect(machine.root, value, out);
      set = out;
      cache.set(key, set);
    }
    if (typeof value === 'object' && value !== null) byObject.set(value, set);
    return set;
  };
}
