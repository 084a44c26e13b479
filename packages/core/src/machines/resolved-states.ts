import type { AnyStateMachine, StateValue } from 'xstate';

interface PlainSnapshot {
  value: StateValue;
  context: unknown;
}

/**
 * Remembers the machine's own snapshot behind each plain `{ value, context }` snapshot a
 * workflow returned. Resolving a persisted value back into state nodes costs about as much
 * as the transition itself; a store that keeps the returned object (the memory store, a
 * cache in front of SQL) hands it back with the next event, and the work is skipped. A
 * remembered state is used only while value and context are still the very objects the
 * machine produced, so a snapshot someone rebuilt or edited is resolved afresh.
 */
export function createResolvedStates<M extends AnyStateMachine>(machine: M) {
  type State = ReturnType<M['resolveState']>;
  const states = new WeakMap<PlainSnapshot, State>();
  return {
    /** The machine snapshot for a plain one: remembered, or resolved now. */
    stateOf(snapshot: PlainSnapshot): State {
      const known = states.get(snapshot);
      if (known && known.value === snapshot.value && known.context === snapshot.context) {
        return known;
      }
      return machine.resolveState({
        value: snapshot.value,
        context: snapshot.context,
      }) as State;
    },
    /** A plain snapshot of `state` to return, remembered for the next event. */
    plain<S extends PlainSnapshot>(state: State): S {
      const snapshot = { value: state.value, context: state.context } as S;
      states.set(snapshot, state);
      return snapshot;
    },
  };
}
