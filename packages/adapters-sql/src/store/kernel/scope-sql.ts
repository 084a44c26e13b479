import type { ViewScope } from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';

/** Column names a scope condition reads, so that one builder serves two tables. */
interface ScopeColumns {
  holding: string;
  received: string;
  /** A boolean expression: is the row operator-entered? */
  operator: RawBuilder<boolean>;
}

export const onMessages: ScopeColumns = {
  holding: 'holding_org_id',
  received: 'received_org_id',
  operator: sql<boolean>`channel = 'operator'`,
};

export const onFolderCounts: ScopeColumns = {
  holding: 'holding_org_id',
  received: 'received_org_id',
  operator: sql<boolean>`operator_entered`,
};

const anyOf = (column: string, values: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} = ANY (${values}::text[])`;

/**
 * The organisation-wide parts of a view scope (holding and receiving subtrees, operators'
 * messages) as a condition, or `undefined` when the scope has none. These are the parts a
 * folder count can read from `folder_counts`.
 */
export function orgScope(scope: ViewScope, columns: ScopeColumns): RawBuilder<boolean> | undefined {
  const parts: RawBuilder<boolean>[] = [];
  if (scope.holdingOrgIds.length > 0) parts.push(anyOf(columns.holding, scope.holdingOrgIds));
  if (scope.receivedOrgIds.length > 0) parts.push(anyOf(columns.received, scope.receivedOrgIds));
  if (scope.operatorEntered) parts.push(columns.operator);
  return parts.length === 0 ? undefined : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** The personal parts of a view scope (assigned to me, sent by me), or `undefined`. */
export function personalScope(scope: ViewScope): RawBuilder<boolean> | undefined {
  const parts: RawBuilder<boolean>[] = [];
  if (scope.executorId !== null) parts.push(sql<boolean>`executor_id = ${scope.executorId}`);
  if (scope.applicantUserId !== null) {
    parts.push(sql<boolean>`applicant_user_id = ${scope.applicantUserId}`);
  }
  return parts.length === 0 ? undefined : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** Does the scope see every message? */
export const seesAll = (scope: ViewScope): boolean => scope.all || scope.moderatesAll;

/** The whole scope as a condition on `messages`: what `isVisible` says, in SQL. */
export function visibleOnMessages(scope: ViewScope): RawBuilder<boolean> {
  if (seesAll(scope)) return sql<boolean>`TRUE`;
  const parts = [orgScope(scope, onMessages), personalScope(scope)].filter((p) => p !== undefined);
  return parts.length === 0 ? sql<boolean>`FALSE` : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}
