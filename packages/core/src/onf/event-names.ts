import type { CaseEventType } from './schemas/events.js';

/**
 * What each ОНФ event does, in Russian, as an infinitive phrase that completes «… не может»
 * («закрыть карточку»). Beside the event list (`schemas/events.ts`); refusal texts use it.
 */
export const caseEventActions: Readonly<Record<'case.create' | CaseEventType, string>> = {
  'case.create': 'создать карточку',
  'case.assign': 'назначить исполнителя карточки',
  'case.lock': 'взять карточку в работу',
  'case.release': 'освободить карточку',
  'case.comment': 'оставить комментарий',
  'case.contact_attempt': 'записать звонок заявителю',
  'case.federal_level': 'передать карточку на федеральный уровень',
  'case.resolve': 'отметить карточку выполненной',
  'case.postpone': 'отложить решение',
  'case.close_request': 'запросить закрытие карточки',
  'case.rereview_request': 'вернуть карточку на повторную проработку',
  'case.rereview_fix': 'исправить карточку после проверки',
  'case.support_request': 'обратиться в техподдержку',
  'case.support_fix': 'исправить поля карточки',
  'case.accept': 'принять результат',
  'case.return': 'вернуть карточку исполнителю',
  'case.postponement_due': 'вернуть отложенную карточку в работу',
};
