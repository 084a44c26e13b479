import type { Principal } from '../kernel/schemas/principal.js';
import type { Message, MessageStatus } from './schemas/message.js';
import type { Queue } from './schemas/query.js';
import { type Folder, folderLabels } from './status.js';

export type { Queue } from './schemas/query.js';

/**
 * Where the machine's deadline region is: running on time, due soon or overdue, or not
 * running at all (`null`: not registered yet, or answered).
 */
export type DeadlineState = 'on_time' | 'due_soon' | 'overdue' | null;

/**
 * Reads the deadline region of a snapshot's state value. Pure; any snapshot shape.
 *
 * @example
 * deadlineStateOf(stored.snapshot); // 'due_soon'
 */
export function deadlineStateOf(snapshot: { value: unknown }): DeadlineState {
  const value = snapshot.value;
  if (value === null || typeof value !== 'object') return null;
  const region = (value as { deadline?: unknown }).deadline;
  if (region && typeof region === 'object' && 'running' in region) {
    const running = (region as { running: unknown }).running;
    if (running === 'on_time' || running === 'due_soon' || running === 'overdue') return running;
  }
  return null;
}

/** The personal and deadline queues' labels, as the backoffice shows them. */
export const queueLabels: Readonly<Record<Queue, string>> = Object.freeze({
  assigned_new: 'Новые',
  assigned_in_work: 'В работе',
  assigned_returned: 'Возвращены',
  extension_requests: 'Запросы на перенос срока',
  due_soon: 'Скоро срок',
  overdue: 'Просрочено',
});

/** What a queue needs to know of a message besides the message itself. */
export interface QueuedMessage {
  status: MessageStatus;
  /** A message, or a viewer's view of one (`viewFor`): only these fields are read. */
  message: {
    executorId: Message['executorId'];
    answer: { approvedAt: string | null } | null;
    pendingExtension: object | null;
  };
  deadline: DeadlineState;
}

/**
 * Is the message in the viewer's queue? An executor's «Новые» are the messages assigned to
 * them and not yet taken, «В работе» those they took (or postponed), «Возвращены» those the
 * head returned to them for rework (in work with a draft answer that was never approved);
 * «Запросы на перенос срока» hold a pending extension request; «Скоро срок» and «Просрочено»
 * are the deadline region's states while the deadline runs. Besides the queue, the viewer's
 * scope decides what they see.
 *
 * @example
 * inQueue(item, 'assigned_new', 'exec-1'); // true right after executor.assign to exec-1
 */
export function inQueue(item: QueuedMessage, queue: Queue, viewerId: string | null): boolean {
  const { status, message: m } = item;
  const mine = viewerId !== null && m.executorId === viewerId;
  switch (queue) {
    case 'assigned_new':
      return mine && status === 'executor_assigned';
    case 'assigned_in_work':
      return mine && (status === 'postponed' || (status === 'in_work' && !isRework(item)));
    case 'assigned_returned':
      return mine && isRework(item);
    case 'extension_requests':
      return m.pendingExtension !== null;
    case 'due_soon':
      return item.deadline === 'due_soon';
    case 'overdue':
      return item.deadline === 'overdue';
    default: {
      const unreachable: never = queue;
      throw new Error(`unknown queue ${String(unreachable)}`);
    }
  }
}

/** In work with a draft answer: the head returned the answer for rework. */
export const isRework = (item: Pick<QueuedMessage, 'status' | 'message'>): boolean =>
  item.status === 'in_work' &&
  item.message.answer !== null &&
  item.message.answer.approvedAt === null;

/** How many messages the viewer may see in each queue. */
export type QueueCounts = Record<Queue, number>;

/** One folder or queue a person works, as the backoffice lists it. */
export interface WorkedFolder {
  kind: 'folder' | 'queue';
  code: Folder | Queue;
  label: string;
  /** The role the folder belongs to, to group them when a person has several. */
  role: 'coordination' | 'executor' | 'head' | 'deadline';
}

const statusFolders = Object.keys(folderLabels) as Folder[];
const coordinationRoles = new Set(['coordinator', 'moderator', 'curator', 'admin', 'system']);

/**
 * The folders and queues a principal works, in the order the backoffice shows them (SPEC
 * §7): the coordination folders for coordinators, moderators, curators and administrators;
 * an executor's «Новые», «В работе», «Возвращены»; a head's «Направлены на согласование» and
 * «Запросы на перенос срока»; «Скоро срок» and «Просрочено» for everyone who holds
 * messages. Empty for an applicant or a 122 operator, who work no folders.
 *
 * @example
 * workedFoldersOf(executor).map((f) => f.code);
 * // ['assigned_new', 'assigned_in_work', 'assigned_returned', 'due_soon', 'overdue']
 */
export function workedFoldersOf(principal: Principal): WorkedFolder[] {
  const has = (test: (role: string) => boolean) => principal.roles.some((g) => test(g.role));
  const folders: WorkedFolder[] = [];
  const folder = (code: Folder, role: WorkedFolder['role']) =>
    folders.push({ kind: 'folder', code, label: folderLabels[code], role });
  const queue = (code: Queue, role: WorkedFolder['role']) =>
    folders.push({ kind: 'queue', code, label: queueLabels[code], role });
  const coordinates = has((r) => coordinationRoles.has(r));
  if (coordinates) for (const f of statusFolders) folder(f, 'coordination');
  if (has((r) => r === 'executor')) {
    queue('assigned_new', 'executor');
    queue('assigned_in_work', 'executor');
    queue('assigned_returned', 'executor');
  }
  if (has((r) => r === 'head')) {
    if (!coordinates) folder('on_approval', 'head');
    queue('extension_requests', 'head');
  }
  if (folders.length > 0) {
    queue('due_soon', 'deadline');
    queue('overdue', 'deadline');
  }
  return folders;
}
