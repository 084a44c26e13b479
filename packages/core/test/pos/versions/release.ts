import type { MessageWorkflow } from '../../../src/index.js';

/**
 * One store across a release upgrade: what a portal restarted on the new release sees — the
 * messages it stored, and a new workflow. Give the store `workflow`; `upgradeTo` switches
 * the release under it. The store only ever sees `workflow`.
 */
export function release(initial: MessageWorkflow) {
  let active = initial;
  const workflow: MessageWorkflow = {
    get definition() {
      return active.definition;
    },
    get known() {
      return active.known;
    },
    startMessage: (input, d, files) => active.startMessage(input, d, files),
    applyEvent: (s, input, d, files) => active.applyEvent(s, input, d, files),
    availableEvents: (s, p, d) => active.availableEvents(s, p, d),
    acceptsEvent: (s, type) => active.acceptsEvent(s, type),
    statusOf: (s) => active.statusOf(s),
    upgrade: (s) => active.upgrade(s),
  };
  return {
    workflow,
    upgradeTo(next: MessageWorkflow) {
      active = next;
    },
  };
}
