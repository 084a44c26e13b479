/**
 * Notifications and templates (SPEC §8): placeholders checked at save time and rendered
 * safely, the organisations' e-mail notification settings, the applicant's notices, and
 * answer templates. Pure: an adapter sends the rendered e-mails.
 */
export {
  type AnswerTemplate,
  type AnswerTemplateInput,
  answerTemplateSchema,
  renderAnswerTemplate,
} from './answer-template.js';
export {
  applicantNotificationTypes,
  checkNotificationConfig,
  isApplicantNotice,
  type NotificationConfig,
  type NotificationConfigCheck,
  type NotificationConfigInput,
  type NotificationType,
  notificationAddressSchema,
  notificationConfigSchema,
  notificationTypeLabels,
  notificationTypeOfReason,
  notificationTypeSchema,
} from './config.js';
export { defaultApplicantNotices } from './defaults.js';
export {
  createRecordingSender,
  type DeliverNotificationsOptions,
  deliverNotifications,
  type Email,
  type EmailSender,
  type NotificationDelivery,
  type RecordingSender,
} from './delivery.js';
export {
  type PlaceholderKey,
  type PlaceholderValues,
  placeholderKey,
  placeholderNames,
  type TemplateKind,
  templatePlaceholders,
} from './placeholders.js';
export {
  type NotificationSkip,
  type OutgoingEmail,
  type RenderedNotifications,
  type RenderNotificationsOptions,
  renderNotifications,
} from './render-notifications.js';
export {
  type CompiledTemplate,
  compileTemplate,
  compileTemplateOrThrow,
  EMPTY_PLACEHOLDER,
  escapeHtml,
  type RenderOptions,
  renderTemplate,
  type TemplateCompilation,
  TemplateError,
  type TemplateIssue,
  templateTextSchema,
} from './template.js';
export { displayZoneOf, type PlaceholderOptions, placeholderValues } from './values.js';
