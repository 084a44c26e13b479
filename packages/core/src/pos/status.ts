import type { Message, MessageStatus } from './schemas/message.js';

/** The coarse column of the ПОС export («Стадия»). */
export type Stage =
  | 'moderation'
  | 'coordination'
  | 'execution'
  | 'approval'
  | 'rating'
  | 'delivery'
  | 'closed';

/** Backoffice folders of SPEC §7. */
export type Folder =
  | 'new'
  | 'in_work'
  | 'returned'
  | 'processed'
  | 'on_approval'
  | 'returned_to_coordination';

export interface StatusInfo {
  /** What people see. */
  label: string;
  stage: Stage;
  /** Russian label of the stage, as the export writes it. */
  stageLabel: string;
  /** Final statuses are never left. */
  final: boolean;
}

const stageLabels: Record<Stage, string> = {
  moderation: 'Модерация',
  coordination: 'Координация',
  execution: 'Исполнение',
  approval: 'Утверждение',
  rating: 'Оценка',
  delivery: 'Передача ответа',
  closed: 'Закрыто',
};

const info = (label: string, stage: Stage, final = false): StatusInfo => ({
  label,
  stage,
  stageLabel: stageLabels[stage],
  final,
});

/** Label, stage and finality of every ПОС status code. */
export const messageStatuses: Readonly<Record<MessageStatus, StatusInfo>> = Object.freeze({
  moderation: info('На модерации', 'moderation'),
  rejected: info('Отклонено модератором', 'closed', true),
  coordination: info('На координации', 'coordination'),
  executor_assigned: info('Назначен исполнитель', 'execution'),
  in_work: info('В работе', 'execution'),
  on_approval: info('На утверждении', 'approval'),
  answer_sent: info('Отправлен ответ заявителю', 'rating'),
  answer_ready: info('Ответ готов к передаче', 'delivery'),
  answer_delivered: info('Ответ передан заявителю', 'rating'),
  postponed: info('Отложено', 'execution'),
  completed: info('Завершено', 'closed', true),
});

export const folderLabels: Readonly<Record<Folder, string>> = Object.freeze({
  new: 'Новые',
  in_work: 'В работе',
  returned: 'Возвращены',
  processed: 'Обработанные',
  on_approval: 'Направлены на согласование',
  returned_to_coordination: 'Возвращены на координацию',
});

/** The operators' folders of SPEC §6, over every operator-entered message. */
export type OperatorFolder = 'in_progress' | 'answer_ready' | 'answer_delivered';

export const operatorFolderLabels: Readonly<Record<OperatorFolder, string>> = Object.freeze({
  in_progress: 'В работе',
  answer_ready: 'Ответ готов к передаче',
  answer_delivered: 'Ответ передан заявителю',
});

/**
 * The operators' folder of an operator-entered message: its answer is being prepared, is
 * ready to carry to the applicant, or was carried (and possibly rated and completed since).
 */
export function operatorFolderOf(
  status: MessageStatus,
  message: Pick<Message, 'delivery'>,
): OperatorFolder {
  if (status === 'answer_ready') return 'answer_ready';
  if (message.delivery !== null) return 'answer_delivered';
  return 'in_progress';
}

/**
 * The statuses a message reaches only once an answer to it was approved: sent, ready for the
 * 112 operator, delivered, postponed by that answer, completed. A list filtered by them is
 * the messages "answered" now (a re-reviewed one is back in work and not among them).
 */
export const answeredStatuses: readonly MessageStatus[] = Object.freeze([
  'answer_sent',
  'answer_ready',
  'answer_delivered',
  'postponed',
  'completed',
] as const);

/** Is this status final (never left)? */
export const isFinalStatus = (status: MessageStatus): boolean => messageStatuses[status].final;

/**
 * The backoffice folder a message belongs in. Coordination splits three ways by how the
 * message arrived: new, returned to coordination, or back for re-review («Возвращены»).
 */
export function folderOf(status: MessageStatus, message: Pick<Message, 'arrivedBy'>): Folder {
  switch (status) {
    case 'moderation':
      return 'new';
    case 'coordination':
      if (message.arrivedBy === 're_review') return 'returned';
      if (message.arrivedBy === 'returned') return 'returned_to_coordination';
      return 'new';
    case 'executor_assigned':
    case 'in_work':
    case 'postponed':
      return 'in_work';
    case 'on_approval':
      return 'on_approval';
    case 'rejected':
    case 'answer_sent':
    case 'answer_ready':
    case 'answer_delivered':
    case 'completed':
      return 'processed';
    default: {
      const unreachable: never = status;
      throw new Error(`unknown status ${String(unreachable)}`);
    }
  }
}
