export type { Directory, DirectoryInput, SubcategoryEntry } from './directory.js';
export { createDirectory, directoryInputSchema } from './directory.js';
export type { Effect, NotificationReason, Recipient } from './effects.js';
export type { PayloadIssue, WorkflowError, WorkflowErrorKind } from './errors.js';
export { WorkflowRefusal } from './errors.js';
export type {
  MessageMachine,
  MessageMachineEvent,
  MessageMachineInput,
} from './machines/message-machine.js';
export { messageMachine } from './machines/message-machine.js';
export type { Grant } from './permissions.js';
export { isPermitted, messagePermissions } from './permissions.js';
export * from './schemas/applicant.js';
export * from './schemas/catalogue.js';
export * from './schemas/events.js';
export * from './schemas/message.js';
export * from './schemas/organisation.js';
export * from './schemas/principal.js';
export * from './schemas/primitives.js';
export type { Folder, Stage, StatusInfo } from './status.js';
export { folderLabels, folderOf, isFinalStatus, messageStatuses } from './status.js';
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
