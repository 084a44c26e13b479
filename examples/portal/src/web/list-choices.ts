import { type Directory, type Principal, viewScopeOf } from '@reshaem/core';
import type { Choice, FilterChoices } from './pages/list-filters-form.js';

const executorsIn = (directory: Directory, orgIds: ReadonlySet<string>): Choice[] =>
  directory.users
    .filter((u) => u.roles.some((r) => r.role === 'executor' && r.orgId && orgIds.has(r.orgId)))
    .map((u): Choice => [u.id, u.name ?? u.id]);

/**
 * The organisations and executors a user may filter by: those of the organisations in their
 * view (every one for someone who sees everything), and themselves when they execute.
 */
export function filterChoices(directory: Directory, user: Principal): FilterChoices {
  const scope = viewScopeOf(user, directory);
  const everything = scope.all || scope.moderatesAll;
  const inView = new Set([...scope.holdingOrgIds, ...scope.receivedOrgIds]);
  const orgs = directory.organisations.filter((o) => everything || inView.has(o.id));
  const executors = executorsIn(directory, new Set(orgs.map((o) => o.id)));
  if (scope.executorId !== null && !executors.some(([id]) => id === user.id)) {
    executors.push([user.id, user.name ?? user.id]);
  }
  return { orgs: orgs.map((o): Choice => [o.id, o.name]), executors };
}

/**
 * Whom the user may assign a selection to: the executors of the organisations they
 * coordinate. Each message's own rules still decide (a refusal is reported per message).
 */
export function assigneeChoices(directory: Directory, user: Principal): Choice[] {
  const coordinated = new Set(
    user.roles.flatMap((r) => (r.role === 'coordinator' && r.orgId ? [r.orgId] : [])),
  );
  return executorsIn(directory, coordinated);
}
