import { type Principal, type SubmitEventInput, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { demoUsers as u } from '@reshaem/core/testing';

/** Something a person (or the mailer) does, `minutesLater` after the previous step. */
export interface PersonStep {
  say: string;
  event: { type: string; by: Principal } & Record<string, unknown>;
  minutesLater?: number;
}

/** A durable timer of the snapshot fires at its instant (`timersOf` names it). */
export interface TimerStep {
  say: string;
  timer: string;
}

export type ScenarioStep = PersonStep | TimerStep;

/** One message's life: how it is submitted and what happens to it. */
export interface ScenarioMessage {
  title: string;
  submit: SubmitEventInput;
  steps: ScenarioStep[];
}

const answer = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'resolved',
  text,
  ...extra,
});

/** The pothole of seed 004: received 23:18 15.01.2025 in Kamchatka, fast-track, 10 days. */
const pothole: ScenarioMessage = {
  title: 'Яма в Петропавловске-Камчатском: отсрочка, возврат, повторное рассмотрение',
  submit: {
    type: 'submit',
    at: '2025-01-15T11:18:00.000Z',
    by: u.applicant,
    messageId: 'scenario-pothole',
    number: '41-000001',
    channel: 'epgu_form',
    orgId: 'kam-roads',
    regionCode: '41',
    applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
    problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
    text: 'Глубокая яма на проезжей части у дома 5',
    categoryId: 'roads',
    subcategoryId: 'potholes',
    factId: 'pothole-street',
  },
  steps: [
    {
      say: 'Модератор принимает: срок ответа — до 23:59 25.01.2025',
      event: { type: 'moderation.accept', by: u.moderator },
    },
    {
      say: 'Координатор назначает исполнителя',
      event: { type: 'executor.assign', by: u.coordinatorRoads, executorId: u.executorRoads.id },
    },
    { say: 'Исполнитель берёт в работу', event: { type: 'work.take', by: u.executorRoads } },
    { say: 'Таймер: прошло три четверти срока', timer: 'deadline.due_soon' },
    {
      say: 'Исполнитель просит перенести срок',
      event: {
        type: 'deadline.extension_request',
        by: u.executorRoads,
        until: '2025-02-05',
        reason: 'Асфальтовый завод закрыт на зиму',
      },
    },
    {
      say: 'Руководитель согласует перенос',
      event: { type: 'deadline.extension_approve', by: u.headRoads },
    },
    {
      say: 'Исполнитель готовит ответ',
      event: { type: 'answer.submit', by: u.executorRoads, answer: answer('Яму засыпали щебнем') },
    },
    {
      say: 'Руководитель возвращает на доработку',
      event: {
        type: 'answer.return',
        by: u.headRoads,
        comment: 'Это временная мера: нужен срок ремонта',
      },
    },
    {
      say: 'Исполнитель отвечает «Отложено» до 20.02.2025',
      event: {
        type: 'answer.submit',
        by: u.executorRoads,
        answer: {
          type: 'postponed',
          text: 'Отремонтируем асфальтом, когда откроется завод',
          postponedUntil: '2025-02-20',
        },
      },
    },
    {
      say: 'Руководитель утверждает отложенный ответ',
      event: { type: 'answer.approve', by: u.headRoads },
    },
    { say: 'Таймер: наступила дата отложенного решения', timer: 'postponement.due' },
    {
      say: 'Исполнитель снова берёт в работу (новый срок)',
      event: { type: 'work.take', by: u.executorRoads },
    },
    {
      say: 'Исполнитель готовит окончательный ответ',
      event: {
        type: 'answer.submit',
        by: u.executorRoads,
        answer: answer('Яма заделана асфальтом', { files: [{ name: 'акт.pdf' }] }),
      },
    },
    { say: 'Руководитель утверждает', event: { type: 'answer.approve', by: u.headRoads } },
    {
      say: 'Заявитель ставит 2: повторное рассмотрение в Правительстве края',
      event: {
        type: 'rating.submit',
        by: u.applicant,
        score: 2,
        comment: 'Через неделю яма вернулась',
      },
    },
    {
      say: 'Координатор Правительства назначает исполнителя',
      event: { type: 'executor.assign', by: u.coordinatorGov, executorId: u.executorGov.id },
    },
    { say: 'Исполнитель берёт в работу', event: { type: 'work.take', by: u.executorGov } },
    { say: 'Таймер: срок на исходе', timer: 'deadline.due_soon' },
    { say: 'Таймер: срок истёк — «Просрочено»', timer: 'deadline.overdue' },
    {
      say: 'Исполнитель отвечает с опозданием',
      event: {
        type: 'answer.submit',
        by: u.executorGov,
        answer: answer('Участок переложен полностью'),
      },
    },
    {
      say: 'Руководитель Правительства утверждает',
      event: { type: 'answer.approve', by: u.headGov },
    },
    {
      say: 'Заявитель ставит 5: сообщение завершено',
      event: { type: 'rating.submit', by: u.applicant, score: 5, comment: 'Спасибо' },
    },
  ],
};

/** A call to the 112 centre in Ulyanovsk: entered by the operator, answered, carried back. */
const phoneCall: ScenarioMessage = {
  title: 'Звонок в Центр 112 (Ульяновск): ответ по e-mail не дошёл, оператор передаёт по телефону',
  submit: {
    type: 'submit',
    at: '2025-03-03T07:00:00.000Z',
    by: u.operator,
    messageId: 'scenario-phone-call',
    number: '73-000002',
    channel: 'operator',
    orgId: 'uly-gov',
    regionCode: '73',
    applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00', email: 'sidorov@example.ru' },
    text: 'Центр мониторинга 112: провал дороги на ул. Гончарова',
    categoryId: 'roads',
    subcategoryId: 'road-repair',
  },
  steps: [
    {
      say: 'Координатор региона направляет в Агентство по дорогам',
      event: { type: 'coordination.forward', by: u.coordinatorUly, orgId: 'uly-roads' },
    },
    {
      say: 'Координатор Агентства назначает исполнителя',
      event: {
        type: 'executor.assign',
        by: u.coordinatorUlyRoads,
        executorId: u.executorUlyRoads.id,
      },
    },
    { say: 'Исполнитель берёт в работу', event: { type: 'work.take', by: u.executorUlyRoads } },
    {
      say: 'Исполнитель готовит ответ',
      event: {
        type: 'answer.submit',
        by: u.executorUlyRoads,
        answer: answer('Провал засыпан и заасфальтирован'),
      },
    },
    {
      say: 'Руководитель утверждает: ответ готов к передаче, уходит e-mail',
      event: { type: 'answer.approve', by: u.headUlyRoads },
    },
    {
      say: 'Почта сообщает: письмо не доставлено',
      event: {
        type: 'delivery.email_result',
        by: SYSTEM_PRINCIPAL,
        sent: false,
        error: '550 mailbox unavailable',
      },
    },
    { say: 'Таймер: ответ не передан за 3 рабочих дня', timer: 'delivery.overdue' },
    {
      say: 'Оператор дозванивается и подтверждает передачу',
      event: {
        type: 'delivery.confirm',
        by: u.operator,
        channel: 'phone',
        note: 'Заявитель выслушал ответ',
      },
    },
    { say: 'Таймер: заявитель не оценил ответ за 30 дней', timer: 'rating.window_closed' },
  ],
};

/** Spam, rejected at moderation. */
const spam: ScenarioMessage = {
  title: 'Не по теме: модератор отклоняет',
  submit: {
    type: 'submit',
    at: '2025-03-10T02:00:00.000Z',
    by: u.applicant2,
    messageId: 'scenario-spam',
    number: '41-000003',
    channel: 'mobile_app',
    orgId: 'kam-roads',
    regionCode: '41',
    applicant: { name: 'Петрова Анна Сергеевна' },
    text: 'Продам гараж',
    categoryId: 'roads',
    subcategoryId: 'road-repair',
  },
  steps: [
    {
      say: 'Модератор отклоняет',
      event: { type: 'moderation.reject', by: u.moderator, reason: 'Не описывает проблему' },
    },
  ],
};

/** The scripted scenario: three messages that together visit every ПОС status. */
export const scenario: readonly ScenarioMessage[] = [pothole, phoneCall, spam];
