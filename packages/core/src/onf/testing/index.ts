/**
 * Property-testing kit for the ОНФ workflow: a demo world, arbitraries, invariant checks
 * and a walker that plays several cards at once with a shared lock registry. Needs
 * `fast-check` (a peer dependency).
 */
export {
  type CaseWalkStep,
  caseCreateArbitrary,
  casePayloadArbitrary,
  caseWalkArbitrary,
  caseWalkStepArbitrary,
} from './arbitraries.js';
export {
  createOnfDemoDirectory,
  type OnfDemoUserHandle,
  onfDemoCatalogue,
  onfDemoDirectoryInput,
  onfDemoOrganisations,
  onfDemoUsers,
} from './demo-world.js';
export {
  checkCaseRoundTrip,
  checkCaseShape,
  checkCaseStep,
  checkLockRegistry,
} from './invariants.js';
export { plausibleCasePayload } from './plausible.js';
export { checkCaseFieldVisibility } from './visibility-invariants.js';
export { type CaseWalkTrace, heldCardIdsOf, runCaseWalk } from './walk.js';
