import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal, Role } from '../kernel/schemas/principal.js';
import type { Message } from './schemas/message.js';

/**
 * The ways a person can stand to a message, for the field rules of SPEC §11:
 *
 * - `system` — timers, autorules, the mailer;
 * - `holding_official` — a coordinator, executor, head or moderator of the organisation
 *   holding the message, or its assigned executor;
 * - `tree_official` — a coordinator, executor, head or moderator of an organisation above
 *   the holding one, a curator of the holding organisation or above it, a moderator of the
 *   organisation the message arrived at, a platform-wide moderator (read-only oversight);
 * - `admin` — an administrator (ЛКО settings) of the holding organisation or above it;
 * - `operator` — an operator (122), on an operator-entered message;
 * - `applicant` — the applicant, on their own message;
 * - `public` — anybody, on a message «в открытом доступе».
 */
export const viewerKinds = [
  'system',
  'holding_official',
  'tree_official',
  'admin',
  'operator',
  'applicant',
  'public',
] as const;
export type ViewerKind = (typeof viewerKinds)[number];

/**
 * Who looks at one message: every way they stand to it (a user with several roles may have
 * several), and their own user id — a viewer always sees their own id.
 */
export interface MessageViewer {
  kinds: readonly ViewerKind[];
  userId: string | null;
}

const officials: ReadonlySet<Role> = new Set(['coordinator', 'executor', 'head', 'moderator']);

function kindOf(
  grant: { role: Role; orgId?: string },
  principal: Principal,
  message: Message,
  directory: Directory,
): ViewerKind | null {
  const { role, orgId } = grant;
  const holding = message.holdingOrgId;
  const atOrAbove = orgId !== undefined && (orgId === holding || directory.isBelow(holding, orgId));
  switch (role) {
    case 'system':
      return 'system';
    case 'applicant':
      return message.applicant.userId === principal.id ? 'applicant' : null;
    case 'operator':
      return message.channel === 'operator' ? 'operator' : null;
    case 'admin':
      return atOrAbove ? 'admin' : null;
    case 'curator':
      return atOrAbove ? 'tree_official' : null;
    case 'moderator':
      if (orgId === undefined) return 'tree_official';
      if (orgId === holding) return 'holding_official';
      return atOrAbove || directory.subtreeOf(orgId).includes(message.receivedOrgId)
        ? 'tree_official'
        : null;
    default:
      if (role === 'executor' && message.executorId === principal.id) return 'holding_official';
      if (!officials.has(role) || orgId === undefined) return null;
      if (orgId === holding) return 'holding_official';
      return atOrAbove ? 'tree_official' : null;
  }
}

/**
 * How a principal stands to a message: every {@link ViewerKind} their roles give them, or
 * `public` alone when none does and the message is «в открытом доступе». `null` (an
 * anonymous visitor) is the public. No kinds at all: the principal may not see the message.
 * The kinds agree with {@link isVisible}: a principal whose scope reaches the message has
 * at least one kind besides `public`.
 *
 * @example
 * const viewer = messageViewerOf(user, stored.snapshot.context, directory);
 * const shown = viewFor(viewer, stored.snapshot.context);
 */
export function messageViewerOf(
  principal: Principal | null,
  message: Message,
  directory: Directory,
): MessageViewer {
  const kinds = new Set<ViewerKind>();
  for (const grant of principal?.roles ?? []) {
    const kind = kindOf(grant, principal as Principal, message, directory);
    if (kind !== null) kinds.add(kind);
  }
  if (kinds.size === 0 && message.isPublic) kinds.add('public');
  return {
    kinds: viewerKinds.filter((k) => kinds.has(k)),
    userId: principal?.id ?? null,
  };
}
