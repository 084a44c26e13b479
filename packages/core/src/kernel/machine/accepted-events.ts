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
 * The cache is a trie over the names a state value is made of (`{`, `status`, `coordination`,
 * …, `}`): the machine's own state-node keys, whose hashes the engine already knows, so a
 * look-up builds no string at all.
 */
interface Step {
  set?: ReadonlySet<string>;
  readonly next: Map<string, Step>;
}

const stepFrom = (from: Step, name: string): Step => {
  let to = from.next.get(name);
  if (!to) {
    to = { next: new Map() };
    from.next.set(name, to);
  }
  return to;
};

function walk(from: Step, value: StateValue): Step {
  if (typeof value === 'string') return stepFrom(from, value);
  let at = stepFrom(from, '{');
  for (const name in value) {
    const child = value[name];
    if (child !== undefined) at = walk(stepFrom(at, name), child as StateValue);
  }
  return stepFrom(at, '}');
}

/**
 * For a machine, a function giving the event types some active state node handles in a
 * state value — in every region of a parallel machine. Results are cached per value
 * (values whose regions come in another order are cached apart, with the same answer).
 */
export function acceptedEventsOf(
  machine: AnyStateMachine,
): (value: StateValue) => ReadonlySet<string> {
  const root: Step = { next: new Map() };
  return (value) => {
    const end = walk(root, value);
    if (!end.set) {
      const out = new Set<string>();
      collect(machine.root, value, out);
      end.set = out;
    }
    return end.set;
  };
}
