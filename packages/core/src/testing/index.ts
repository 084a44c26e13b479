/**
 * Property-testing kit for reshaem: arbitraries, invariant checks and a walker that plays
 * random message lives through the real workflow. Run the same properties against your own
 * organisations, users and catalogue. Needs `fast-check` (a peer dependency).
 */
export * from '../onf/testing/index.js';
export {
  answerArbitrary,
  eventPayloadArbitrary,
  principalArbitrary,
  submitArbitrary,
  type WalkStep,
  walkArbitrary,
  walkStepArbitrary,
} from './arbitraries.js';
export {
  createDemoDirectory,
  type DemoUserHandle,
  demoCatalogue,
  demoDirectoryInput,
  demoOrganisations,
  demoUsers,
} from './demo-world.js';
export {
  checkDeadlines,
  checkLoops,
  checkRoundTrip,
  checkStart,
  checkStep,
  InvariantViolation,
} from './invariants.js';
export { plausiblePayload } from './plausible.js';
export { type Reached, type ReachOptions, reachableMessages } from './reachable.js';
export { checkFieldVisibility } from './visibility-invariants.js';
export { runWalk, type WalkTrace } from './walk.js';
