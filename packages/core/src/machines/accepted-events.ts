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

/** A string naming a state value: equal values (with keys in the same order) get equal keys. */
function keyOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  let key = '{';
  for (const name in value) {
    const child = value[name];
    if (child !== undefined) key += `${name}:${keyOf(child as StateValue)},`;
  }
  return `${key}}`;
}

/**
 * For a machine, a function giving the event types some active state node handles in a
 * state value — in every region of a parallel machine. Results are cached per value; the
 * key is built afresh each time, which costs less than remembering it per value object
 * (every transition makes a new one, and a WeakMap entry per snapshot burdens the GC).
 */
export function acceptedEventsOf(
  machine: AnyStateMachine,
): (value: StateValue) => ReadonlySet<string> {
  const cache = new Map<string, ReadonlySet<string>>();
  return (value) => {
    const key = keyOf(value);
    let set = cache.get(key);
    if (!set) {
      const out = new Set<string>();
      collect(machine.root, value, out);
      set = out;
      cache.set(key, set);
    }
    return set;
  };
}
