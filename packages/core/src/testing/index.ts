/**
 * Property-testing kit for reshaem: arbitraries, invariant checks and a walker that plays
 * random message lives through the real workflow. Run the same properties against your own
 * organisations, users and catalogue. Needs `fast-check` (a peer dependency).
 */

export {
  createDemoDirectory,
  type DemoUserHandle,
  demoCatalogue,
  demoDirectoryInput,
  demoOrganisations,
  demoUsers,
} from '../kernel/testing/demo-world.js';
export * from '../onf/testing/index.js';
export {
  answerArbitrary,
  eventPayloadArbitrary,
  principalArbitrary,
  submitArbitrary,
  type WalkStep,
  walkArbitrary,
  walkStepArbitrary,
} from '../pos/testing/arbitraries.js';
export {
  checkDeadlines,
  checkLoops,
  checkRoundTrip,
  checkStart,
  checkStep,
  InvariantViolation,
} from '../pos/testing/invariants.js';
export { plausiblePayload } from '../pos/testing/plausible.js';
export { type Reached, type ReachOptions, reachableMessages } from '../pos/testing/reachable.js';
export { checkFieldVisibility } from '../pos/testing/visibility-invariants.js';
export { runWalk, type WalkTrace } from '../pos/testing/walk.js';
