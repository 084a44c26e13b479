export { applicantHistoryRecord, applicantView, seesOnlyAsApplicant } from './applicant-view.js';
export * from './autorules/index.js';
export * from './deadlines/index.js';
export type { Directory, DirectoryInput, RuleSettings, SubcategoryEntry } from './directory.js';
export { createDirectory, directoryInputSchema, ruleSettingsSchema } from './directory.js';
export type { Effect, NotificationReason, Recipient } from './effects.js';
export type { PayloadIssue, WorkflowError, WorkflowErrorKind } from './errors.js';
export { invalidPayload, issuesFromZod, WorkflowRefusal } from './errors.js';
export {
  folderViewers,
  type MessageField,
  messageFieldRules,
  seesField,
  seesFolder,
  viewFor,
  worksFolders,
} from './field-visibility.js';
export { type HistoryLineRule, historyLineFor, historyLineRules } from './history-visibility.js';
export * from './kernel/files/index.js';
export { toMermaid } from './machines/mermaid.js';
export { mermaidPage } from './machines/mermaid-doc.js';
export type {
  MessageMachine,
  MessageMachineContext,
  MessageMachineEvent,
  MessageMachineInput,
} from './machines/message-machine.js';
export { messageMachine } from './machines/message-machine.js';
export type { ExtensionVerdict, RegistrationDeadline } from './message-deadline.js';
export {
  checkMessageExtension,
  deadlineRuleFor,
  registrationDeadline,
} from './message-deadline.js';
export {
  type MessageViewer,
  messageViewerOf,
  type ViewerKind,
  viewerKinds,
} from './message-viewer.js';
export * from './notifications/index.js';
export * from './onf/index.js';
export type { Grant } from './permissions.js';
export { isPermitted, messagePermissions } from './permissions.js';
export { fileIdsOf, resolveAnswerFiles, resolveAttachments } from './pos/file-references.js';
export type {
  Cursor,
  ListedMessage,
} from './query.js';
export {
  compareForQuery,
  decodeCursor,
  encodeCursor,
  isAfterCursor,
  matchesQuery,
  sortValueOf,
} from './query.js';
export { domainReference } from './reference.js';
export * from './schemas/applicant.js';
export * from './schemas/catalogue.js';
export * from './schemas/events.js';
export * from './schemas/message.js';
export * from './schemas/organisation.js';
export * from './schemas/primitives.js';
export * from './schemas/principal.js';
export * from './schemas/query.js';
export * from './schemas/shown-message.js';
export type { Folder, OperatorFolder, Stage, StatusInfo } from './status.js';
export {
  folderLabels,
  folderOf,
  isFinalStatus,
  messageStatuses,
  operatorFolderLabels,
  operatorFolderOf,
} from './status.js';
export { type AutoruleWrite, autoruleWrites } from './store/autorule-writes.js';
export type * from './store/case-port.js';
export { hasCaseStore } from './store/case-port.js';
export * from './store/claims.js';
export { principalIdOf, requestFingerprint, stableStringify } from './store/idempotency.js';
export {
  caseCursorOf,
  createMemoryCaseStore,
  listCasesIn,
  parseCaseQuery,
} from './store/memory-case-store.js';
export { createMemoryStore, type MemoryStore, parseQuery } from './store/memory-store.js';
export type * from './store/port.js';
export {
  assertOwnItems,
  hasSettingsStore,
  type OrganisationSettingsStore,
} from './store/settings-port.js';
export {
  isStoreUnavailable,
  StoreUnavailableError,
  type StoreUnavailableReason,
} from './store/unavailable.js';
export type { Timer } from './timers.js';
export { timersOf } from './timers.js';
export type { ViewScope } from './visibility.js';
export { isVisible, viewScopeOf } from './visibility.js';
export type {
  Applied,
  ApplyResult,
  HistoryRecord,
  MessageSnapshot,
  Refused,
} from './workflow.js';
export {
  acceptsEvent,
  applyEvent,
  applyEventOrThrow,
  availableEvents,
  startMessage,
  statusOf,
} from './workflow.js';
