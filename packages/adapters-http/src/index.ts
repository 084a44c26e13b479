export { CASE_INDICATOR_COLUMNS } from './analytics/case-indicator-columns.js';
export { INDICATOR_COLUMNS } from './analytics/indicator-columns.js';
export { MAX_INDICATOR_PERIOD_DAYS } from './analytics/indicator-params.js';
export { createHttpApp } from './app.js';
export {
  AuthenticationError,
  type BearerErrorCode,
  isAuthenticationError,
} from './auth/authentication-error.js';
export type { AppEnv } from './env.js';
export { POS_EXPORT_COLUMNS, type PosExportColumn } from './export/columns.js';
export { csvField } from './export/csv.js';
export { LOCATION_EXPORT_COLUMNS, locationCells } from './export/location-columns.js';
export { answerTypeLabels, channelLabels, posExportRow, ruDate } from './export/pos-export-row.js';
export { DEFAULT_UPLOAD_REQUEST_BYTES, type HttpFileOptions } from './files/file-options.js';
export {
  createUploadFormReader,
  discardUploads,
  type UploadFormResult,
  type UploadRefusal,
} from './files/upload-form.js';
export { createHttpLogger, type HttpLogger, REDACTED_PATHS } from './log/logger.js';
export { unexpectedErrorRecord } from './log/unexpected-error.js';
export { createSmtpSender, type SmtpSender, type SmtpSenderOptions } from './mail/smtp.js';
export {
  DEFAULT_SERVER_LIMITS,
  type FetchApp,
  type ServeOptions,
  type ServerLimitOptions,
  serve,
  toNodeListener,
} from './node.js';
export {
  type Open311Format,
  type Open311Value,
  open311Response,
} from './open311/open311-format.js';
export {
  DEFAULT_OPEN311_PREFIX,
  type Open311Options,
  type Open311Partner,
} from './open311/open311-options.js';
export { renderDocsPage } from './openapi/docs-page.js';
export { buildOpenApiDocument, type OpenApiDocument } from './openapi/document.js';
export type {
  Authenticate,
  HttpAppOptions,
  HttpLimits,
  NumberInput,
  OpenApiInfo,
} from './options.js';
export {
  type FieldError,
  PROBLEM_TYPE_BASE,
  type Problem,
  type ProblemKind,
  problemKinds,
  problemType,
} from './problems.js';
export { eventBodySchema, type SubmitBody, submitBodySchema } from './schemas/bodies.js';
export {
  type CreateCaseBody,
  caseEventBodySchema,
  createCaseBodySchema,
} from './schemas/case-bodies.js';
export type {
  CaseFileLink,
  CaseHistoryItem,
  CaseListItem,
  CaseStatusView,
  CaseView,
} from './schemas/case-views.js';
export type { DeadlinesView, MessageListItem, MessageView, StatusView } from './schemas/views.js';
export {
  DEFAULT_SECURITY_HEADERS,
  type SecurityHeadersOption,
} from './security-headers.js';
