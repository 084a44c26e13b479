import {
  type CaseStatus,
  type Directory,
  holdsInRegion,
  type Principal,
  type Role,
} from '@reshaem/core';

/** A list of cards at its own address: every card, or the cards of one status. */
export interface CaseQueue {
  id: 'all' | 'check' | 'support' | 'moderation';
  path: string;
  title: string;
  /** The status the queue shows; none: every status, the status filter is the user's. */
  status?: CaseStatus;
  /** Who has this queue: the role that acts on its cards. */
  role?: Role;
}

/** The ОНФ queues: all cards, the curator's checks, support's and the moderators' requests. */
export const caseQueues: readonly CaseQueue[] = [
  { id: 'all', path: '/onf', title: 'Карточки обращений' },
  {
    id: 'check',
    path: '/onf/check',
    title: 'На проверке у куратора',
    status: 'curator_check',
    role: 'curator',
  },
  {
    id: 'support',
    path: '/onf/support',
    title: 'Запросы в техподдержку',
    status: 'support',
    role: 'support',
  },
  {
    id: 'moderation',
    path: '/onf/moderation',
    title: 'Повторное рассмотрение',
    status: 'moderation',
    role: 'moderator',
  },
];

const regionsOf = (user: Principal, directory: Directory) =>
  user.roles.flatMap((g) => {
    const region = g.orgId === undefined ? undefined : directory.organisation(g.orgId)?.regionCode;
    return region === undefined ? [] : [region];
  });

/**
 * The queues a user has: every one has the list; a queue of a role's status is shown to
 * those who hold the role (platform-wide or in a region), since they act on its cards.
 */
export function queuesOf(user: Principal, directory: Directory): CaseQueue[] {
  const regions = regionsOf(user, directory);
  const holds = (role: Role) =>
    user.roles.some((g) => g.role === role && g.orgId === undefined) ||
    regions.some((region) => holdsInRegion(user, role, region, directory));
  return caseQueues.filter((q) => q.role === undefined || holds(q.role));
}
