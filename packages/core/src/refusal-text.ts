import type { WorkflowError } from './kernel/errors.js';
import { forbiddenText, type NameLookup, statusText } from './kernel/refusal-text.js';
import type { CaseWorkflowError } from './onf/errors.js';
import { caseRefusalWords } from './onf/refusal-text.js';
import type { CaseStoreError } from './onf/store-port.js';
import { posRefusalWords } from './pos/refusal-text.js';
import type { StoreError } from './pos/store-port.js';

/** Any refusal of the ПОС or ОНФ workflow or of their stores. */
export type AnyRefusal = WorkflowError | CaseWorkflowError | StoreError | CaseStoreError;

const wordsOf = (eventType: string) =>
  eventType.startsWith('case.') ? caseRefusalWords : posRefusalWords;

/**
 * A refusal as a Russian sentence for the person who met it, naming people and
 * organisations by name. Pure: names come from `lookup` (the directory); what was refused
 * and where comes from the data the refusal carries. The core's own refusals already carry
 * this text as their `message` (built with the workflow's directory); this also words the
 * stores' refusals (not found, version conflict, …), whose messages are for logs.
 *
 * @example
 * refusalText(result.error, store.directory);
 * // 'Исполнитель Петров П. (Министерство …) не может утвердить ответ по сообщению № 41-000001'
 */
export function refusalText(error: AnyRefusal, lookup: NameLookup): string {
  switch (error.kind) {
    case 'forbidden':
      // A refusal the core explained itself (who may submit through a channel) keeps its words.
      return error.subject === undefined && error.rule === undefined
        ? error.message
        : forbiddenText(error, lookup, wordsOf(error.eventType));
    case 'not_allowed_in_status':
      return statusText(error, wordsOf(error.eventType));
    case 'invalid_payload':
      return error.issues.length > 0
        ? error.issues.map((i) => i.message).join('; ')
        : 'Проверьте заполнение формы';
    case 'lock_conflict':
    case 'unsupported_definition':
      return error.message;
    case 'not_found':
      return 'messageId' in error
        ? `Сообщение ${error.messageId} не найдено`
        : `Карточка ${error.caseId} не найдена`;
    case 'version_conflict':
      return `Данные уже изменил другой пользователь (версия ${error.actual}, а не ${error.expected}): обновите страницу и повторите действие`;
    case 'already_exists':
      return 'messageId' in error
        ? `Сообщение ${error.messageId} уже есть`
        : `Карточка ${error.caseId} уже есть`;
    case 'idempotency_conflict':
      return `Ключ идемпотентности «${error.key}» уже использован для другого запроса`;
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
