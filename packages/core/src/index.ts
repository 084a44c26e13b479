export * from './kernel/autorules/index.js';
export * from './kernel/deadlines/index.js';
export type { Effect, NotificationReason, Recipient } from './kernel/effects.js';
export type {
  ForbiddenError,
  PayloadIssue,
  RefusalSubject,
  WorkflowError,
  WorkflowErrorKind,
} from './kernel/errors.js';
export { invalidPayload, issuesFromZod, WorkflowRefusal } from './kernel/errors.js';
export * from './kernel/files/index.js';
export * from './kernel/geo/geo-point.js';
export * from './kernel/geo/map-link.js';
export * from './kernel/geo/region-bounds.js';
export type {
  Directory,
  DirectoryInput,
  RuleSettings,
  SubcategoryEntry,
} from './kernel/notifications/directory.js';
export {
  createDirectory,
  directoryInputSchema,
  ruleSettingsSchema,
} from './kernel/notifications/directory.js';
export * from './kernel/notifications/index.js';
export * from './kernel/numbers/index.js';
export {
  type NameLookup,
  personPhrase,
  type RefusalWords,
} from './kernel/refusal-text.js';
export { roleNames, shortPersonName } from './kernel/refusal-words.js';
export * from './kernel/schemas/applicant.js';
export * from './kernel/schemas/catalogue.js';
export * from './kernel/schemas/organisation.js';
export * from './kernel/schemas/primitives.js';
export * from './kernel/schemas/principal.js';
export { russianErrors } from './kernel/schemas/russian-errors.js';
export * from './kernel/store/claims.js';
export { principalIdOf, requestFingerprint, stableStringify } from './kernel/store/idempotency.js';
export {
  assertOwnItems,
  hasSettingsStore,
  type OrganisationSettingsStore,
} from './kernel/store/settings-port.js';
export {
  isStoreUnavailable,
  StoreUnavailableError,
  type StoreUnavailableReason,
} from './kernel/store/unavailable.js';
export {
  type DefinitionPolicy,
  type DefinitionStamp,
  definitionVersionOf,
  type KnownDefinition,
  type UnsupportedDefinitionError,
  unsupportedDefinition,
  type WorkflowName,
} from './kernel/versions/definition.js';
export { createMemoryStore, type MemoryStore, parseQuery } from './memory-store.js';
export { caseEventActions } from './onf/event-names.js';
export * from './onf/index.js';
export {
  caseCursorOf,
  createMemoryCaseStore,
  listCasesIn,
  parseCaseQuery,
} from './onf/memory-store.js';
export { caseRefusalWords } from './onf/refusal-text.js';
export type * from './onf/store-port.js';
export { hasCaseStore } from './onf/store-port.js';
export { dueAtFirstAnswerOf } from './pos/analytics/due-at-first-answer.js';
export {
  groupKeyOf,
  groupLabelOf,
  indicatorResultOf,
  periodKeys,
  weekOf,
} from './pos/analytics/indicator-groups.js';
export {
  type IndicatorGroupBy,
  type IndicatorQuery,
  type IndicatorQueryInput,
  indicatorGroupBySchema,
  indicatorGroupBys,
  indicatorQuerySchema,
  MAX_INDICATOR_DAYS,
} from './pos/analytics/indicator-query.js';
export type { AnswerTime, IndicatorResult, IndicatorRow } from './pos/analytics/indicator-row.js';
export {
  INDICATORS_READ,
  type IndicatorScope,
  indicatorScopeOf,
  queriedOrgIds,
} from './pos/analytics/indicator-scope.js';
export {
  emptySums,
  type IndicatorSums,
  indicatorRowOf,
  percentileDisc,
  percentileDiscIndex,
} from './pos/analytics/indicator-sums.js';
export {
  computeIndicators,
  type KeptMessage,
  matchesIndicatorQuery,
  parseIndicatorQuery,
} from './pos/analytics/memory-indicators.js';
export {
  factsTimeZoneOf,
  firstAnsweredAtOf,
  type MessageFacts,
  messageFactsOf,
} from './pos/analytics/message-facts.js';
export { countsEachMessageOnce, type RatingFigure } from './pos/analytics/rating-figures.js';
export { sumFacts } from './pos/analytics/sum-facts.js';
export {
  applicantHistoryRecord,
  applicantView,
  seesOnlyAsApplicant,
} from './pos/applicant-view.js';
export { type AutoruleWrite, autoruleWrites } from './pos/autorule-writes.js';
export type { ExtensionVerdict, RegistrationDeadline } from './pos/deadline.js';
export {
  checkMessageExtension,
  deadlineRuleFor,
  registrationDeadline,
} from './pos/deadline.js';
export {
  type DefinedMessageWorkflow,
  defineMessageWorkflow,
  type MessageWorkflowSpec,
  type OlderDefinition,
} from './pos/define-workflow.js';
export { posEventActions } from './pos/event-names.js';
export {
  folderViewers,
  type MessageField,
  messageFieldRules,
  seesField,
  seesFolder,
  viewFor,
  worksFolders,
} from './pos/field-visibility.js';
export { fileIdsOf, resolveAnswerFiles, resolveAttachments } from './pos/file-references.js';
export {
  type HistoryLineRule,
  historyLineFor,
  historyLineRules,
} from './pos/history-visibility.js';
export type {
  MessageMachine,
  MessageMachineContext,
  MessageMachineEvent,
  MessageMachineInput,
} from './pos/machine/machine.js';
export { messageMachine } from './pos/machine/machine.js';
export { definitionTitle, type MermaidOptions, toMermaid } from './pos/machine/mermaid.js';
export { mermaidPage } from './pos/machine/mermaid-doc.js';
export type { MessageDefinition } from './pos/message-rules.js';
export { definitionMigrateRecord } from './pos/migrate-record.js';
export {
  type MigrateSnapshotsOptions,
  migrateSnapshots,
  type SnapshotMigrationFailure,
  type SnapshotMigrationProgress,
  type SnapshotMigrationReport,
} from './pos/migrate-snapshots.js';
export type { Grant } from './pos/permissions.js';
export { isPermitted, messagePermissions } from './pos/permissions.js';
export type {
  Cursor,
  ListedMessage,
  QueryViewer,
} from './pos/query.js';
export {
  compareForQuery,
  decodeCursor,
  encodeCursor,
  isAfterCursor,
  matchesQuery,
  queryViewerOf,
  searchesApplicantNames,
  sortValueOf,
} from './pos/query.js';
export type {
  DeadlineState,
  QueueCounts,
  QueuedMessage,
  WorkedFolder,
} from './pos/queues.js';
export {
  deadlineStateOf,
  inQueue,
  isRework,
  queueLabels,
  workedFoldersOf,
} from './pos/queues.js';
export { domainReference } from './pos/reference.js';
export { posRefusalWords } from './pos/refusal-text.js';
export { sendsToReReview } from './pos/resolve-rating.js';
export * from './pos/schemas/events.js';
export * from './pos/schemas/message.js';
export * from './pos/schemas/query.js';
export * from './pos/schemas/shown.js';
export { hasSnapshotVersions } from './pos/snapshot-version-port.js';
export type { Folder, OperatorFolder, Stage, StatusInfo } from './pos/status.js';
export {
  answeredStatuses,
  folderLabels,
  folderOf,
  isFinalStatus,
  messageStatuses,
  operatorFolderLabels,
  operatorFolderOf,
} from './pos/status.js';
export type * from './pos/store-port.js';
export type { Timer } from './pos/timers.js';
export { timersOf } from './pos/timers.js';
export { type MessageWorkflow, posWorkflow, type UpgradeResult } from './pos/versions.js';
export {
  type MessageViewer,
  messageViewerOf,
  type ViewerKind,
  viewerKinds,
} from './pos/viewer.js';
export type { ViewScope } from './pos/visibility.js';
export { isVisible, viewScopeOf } from './pos/visibility.js';
export type {
  Applied,
  ApplyResult,
  HistoryRecord,
  MessageSnapshot,
  Refused,
} from './pos/workflow.js';
export {
  acceptsEvent,
  applyEvent,
  applyEventOrThrow,
  availableEvents,
  startMessage,
  statusOf,
} from './pos/workflow.js';
export { type AnyRefusal, refusalText } from './refusal-text.js';
