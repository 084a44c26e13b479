import { type WorkflowError, WorkflowRefusal } from '../../kernel/errors.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Principal } from '../../kernel/schemas/principal.js';
import type { IndicatorQuery } from './indicator-query.js';

/**
 * Which messages a viewer's indicators count, by the organisation holding them: every
 * message (`orgIds: null`), or those held by these organisations.
 */
export interface IndicatorScope {
  orgIds: readonly string[] | null;
}

/** The event type a refusal to show indicators names (no message event is involved). */
export const INDICATORS_READ = 'indicators.read';

const analysts = new Set(['head', 'curator', 'admin']);

const forbidden = (viewer: Principal, message: string): WorkflowError => ({
  kind: 'forbidden',
  message,
  eventType: INDICATORS_READ,
  principalId: viewer.id,
});

/**
 * Whose figures a viewer may see, by the list scope rules (`viewScopeOf`): a head, curator
 * or administrator sees the messages held in their organisation's subtree (a curator at the
 * region's top organisation: the region); the system, and a curator or administrator without
 * an organisation, see everything. Anyone else is refused.
 *
 * @throws {WorkflowRefusal} `forbidden` for a viewer with none of these roles.
 * @example
 * indicatorScopeOf(head, directory); // { orgIds: ['kam-roads', 'kam-roads-yelizovo'] }
 */
export function indicatorScopeOf(viewer: Principal, directory: Directory): IndicatorScope {
  const orgIds = new Set<string>();
  let any = false;
  for (const grant of viewer.roles) {
    if (grant.role === 'system') return { orgIds: null };
    if (!analysts.has(grant.role)) continue;
    any = true;
    if (grant.orgId === undefined) {
      if (grant.role !== 'head') return { orgIds: null };
      continue;
    }
    for (const id of directory.subtreeOf(grant.orgId)) orgIds.add(id);
  }
  if (!any) {
    throw new WorkflowRefusal(
      forbidden(viewer, 'показатели видят руководители, кураторы и администраторы'),
    );
  }
  return { orgIds: [...orgIds] };
}

/**
 * The organisations a query counts: the viewer's scope narrowed by the query's `orgId`
 * (with its subtree unless `subtree: false`), `null` for every organisation.
 *
 * @throws {WorkflowRefusal} `forbidden` when `orgId` is outside the viewer's scope;
 *   `invalid_payload` when the directory does not know it.
 */
export function queriedOrgIds(
  query: Pick<IndicatorQuery, 'orgId' | 'subtree'>,
  viewer: Principal,
  directory: Directory,
): readonly string[] | null {
  const scope = indicatorScopeOf(viewer, directory);
  if (query.orgId === undefined) return scope.orgIds;
  if (directory.organisation(query.orgId) === undefined) {
    throw new WorkflowRefusal({
      kind: 'invalid_payload',
      message: `orgId: нет организации ${query.orgId}`,
      issues: [{ path: ['orgId'], message: `нет организации ${query.orgId}` }],
    });
  }
  const visible = scope.orgIds === null ? null : new Set(scope.orgIds);
  if (visible !== null && !visible.has(query.orgId)) {
    throw new WorkflowRefusal(forbidden(viewer, 'показатели этой организации вам не видны'));
  }
  const asked = query.subtree ? directory.subtreeOf(query.orgId) : [query.orgId];
  return visible === null ? asked : asked.filter((id) => visible.has(id));
}
