/**
 * Autorules (автоправила): an organisation's ordered rules that forward or assign matching
 * messages without a coordinator, acting as the system through the same events and
 * permissions as people. Pure: the store loads the rules and saves what a run applied.
 */
export { type AutoruleCheck, checkAutorule } from './check.js';
export { type AutoruleNotApplicable, type AutoruleTrial, testAutorule } from './dry-run.js';
export { autoruleMismatches, type MatchableMessage, matchAutorule } from './match.js';
export {
  type AutoruleEvent,
  type AutoruleIdleReason,
  type AutorulePlan,
  autoruleEvent,
  autoruleExecutionDueAt,
  awaitsAutorules,
  planAutorules,
} from './plan.js';
export {
  type AppliedAutorule,
  type AutoruleRun,
  type AutoruleSkipReason,
  DEFAULT_AUTORULE_HOPS,
  type RunAutorulesOptions,
  runAutorules,
  type SkippedAutorule,
} from './run.js';
export {
  type Autorule,
  type AutoruleAction,
  type AutoruleCriterion,
  type AutoruleInput,
  type AutoruleMatch,
  type AutoruleWords,
  autoruleActionSchema,
  autoruleAssignSchema,
  autoruleForwardSchema,
  autoruleMatchSchema,
  autoruleSchema,
  autorulesOf,
  autoruleWordsSchema,
} from './schema.js';
export {
  type AsyncAutoruleSource,
  type AutoruleSource,
  runAutorulesFrom,
  runAutorulesLoading,
} from './source.js';
