import { z } from 'zod';
import { sortedByLabel } from '../../kernel/analytics/label-order.js';
import { periodKeyOf, periodKeys, sharedGroupLabel } from '../../kernel/analytics/periods.js';
import { localDateIn } from '../../kernel/deadlines/instant.js';
import { toDayNumber } from '../../kernel/deadlines/local-date.js';
import { regionTimeZone } from '../../kernel/deadlines/regions.js';
import { invalidPayload, issuesFromZod, WorkflowRefusal } from '../../kernel/errors.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import { regionCodeSchema } from '../../kernel/schemas/organisation.js';
import { idSchema, localDateSchema } from '../../kernel/schemas/primitives.js';
import type { Principal } from '../../kernel/schemas/principal.js';
import type { CaseRecord } from '../schemas/case.js';
import { type CaseStatus, type CloseReason, closeReasonSchema } from '../schemas/parts.js';
import { type CaseViewScope, isCaseVisible } from '../visibility.js';
import type { CaseHistoryRecord } from '../workflow.js';
import { caseIndicatorScopeOf } from './case-indicator-scope.js';

/** How card indicator rows are grouped: region, category, or the local date of creation. */
export const caseIndicatorGroupBySchema = z.enum(['region', 'category', 'day', 'week', 'month']);
export type CaseIndicatorGroupBy = z.infer<typeof caseIndicatorGroupBySchema>;

/**
 * The cards created from `from` to `to` (local dates of the card's region, both included),
 * narrowed by region and category, grouped by one key.
 */
export const caseIndicatorQuerySchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    groupBy: caseIndicatorGroupBySchema,
    region: regionCodeSchema.optional(),
    categoryId: idSchema.optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: 'начало периода должно быть не позже его конца',
    path: ['to'],
  })
  .refine((q) => toDayNumber(q.to) - toDayNumber(q.from) < 3660, {
    message: 'период не длиннее 3660 дней',
    path: ['from'],
  });
export type CaseIndicatorQuery = z.infer<typeof caseIndicatorQuerySchema>;
export type CaseIndicatorQueryInput = z.input<typeof caseIndicatorQuerySchema>;

/** The ОНФ cards' indicators of one group (docs/analytics.md, «ОНФ cards»). */
export interface CaseIndicatorRow {
  key: string;
  label: string;
  /** Cards created in the period. */
  created: number;
  /** Done: the curator accepted the result. */
  done: number;
  /** Postponed now («Отложенное решение»). */
  postponed: number;
  /** Closed, in all and by the reason of the accepted close request. */
  closed: number;
  closedByReason: Record<CloseReason, number>;
  /** Still open: new, in moderation, in work, on the curator's check, with support. */
  open: number;
  /** Results the curator returned for rework (`case.return`), every return counted. */
  curatorReturns: number;
  /** `done / created`; `null` over no cards. */
  doneShare: number | null;
}

export interface CaseIndicatorResult {
  rows: CaseIndicatorRow[];
  totals: CaseIndicatorRow;
}

/**
 * What the card indicators read of a card: its status, the fields they group and filter by,
 * the reason of its closure, and its history's event types (the memory store passes the card
 * and its history; the SQL store the columns and the count of the curator's returns).
 */
export interface KeptCase {
  status: CaseStatus;
  context: Pick<CaseRecord, 'regionCode' | 'categoryId' | 'createdAt' | 'executorId'> & {
    closure: { reason: CloseReason } | null;
  };
  history: readonly Pick<CaseHistoryRecord, 'type'>[];
}

const emptyReasons = (): Record<CloseReason, number> =>
  Object.fromEntries(closeReasonSchema.options.map((r) => [r, 0])) as Record<CloseReason, number>;

const emptyRow = (key: string, label: string): CaseIndicatorRow => ({
  key,
  label,
  created: 0,
  done: 0,
  postponed: 0,
  closed: 0,
  closedByReason: emptyReasons(),
  open: 0,
  curatorReturns: 0,
  doneShare: null,
});

function add(row: CaseIndicatorRow, card: KeptCase): void {
  row.created += 1;
  if (card.status === 'done') row.done += 1;
  else if (card.status === 'postponed') row.postponed += 1;
  else if (card.status === 'closed') {
    row.closed += 1;
    const reason = card.context.closure?.reason;
    if (reason) row.closedByReason[reason] += 1;
  } else row.open += 1;
  for (const record of card.history) if (record.type === 'case.return') row.curatorReturns += 1;
  row.doneShare = row.done / row.created;
}

function keyOf(
  groupBy: CaseIndicatorGroupBy,
  card: KeptCase['context'],
  createdOn: string,
): string {
  switch (groupBy) {
    case 'region':
      return card.regionCode;
    case 'category':
      return card.categoryId;
    case 'day':
    case 'week':
    case 'month':
      return periodKeyOf(createdOn, groupBy);
    default: {
      const unreachable: never = groupBy;
      throw new Error(`unknown grouping ${String(unreachable)}`);
    }
  }
}

function labelOf(groupBy: CaseIndicatorGroupBy, key: string, directory: Directory): string {
  switch (groupBy) {
    case 'region':
    case 'category':
    case 'day':
    case 'week':
    case 'month':
      return sharedGroupLabel(groupBy, key, directory);
    default: {
      const unreachable: never = groupBy;
      throw new Error(`unknown grouping ${String(unreachable)}`);
    }
  }
}

/**
 * Validates a card indicator query and the viewer's right to it: the parsed query and the
 * cards the viewer's figures count (`caseIndicatorScopeOf`: ОНФ supervisors and curators).
 *
 * @throws {WorkflowRefusal} `invalid_payload` for a malformed query; `forbidden` for a viewer
 *   who may not see the card indicators.
 */
export function checkCaseIndicatorQuery(
  input: CaseIndicatorQueryInput,
  viewer: Principal,
  directory: Directory,
): { query: CaseIndicatorQuery; scope: CaseViewScope } {
  const parsed = caseIndicatorQuerySchema.safeParse(input);
  if (!parsed.success) throw new WorkflowRefusal(invalidPayload(issuesFromZod(parsed.error)));
  const scope = caseIndicatorScopeOf(viewer, directory);
  if (scope === null) {
    throw new WorkflowRefusal({
      kind: 'forbidden',
      message: 'показатели карточек видят супервайзеры и кураторы ОНФ',
      eventType: 'case_indicators.read',
      principalId: viewer.id,
    });
  }
  return { query: parsed.data, scope };
}

/**
 * The ОНФ cards' indicators — done, postponed, closed (by reason), open, the curator's
 * returns — over the cards `viewer` oversees (`caseIndicatorScopeOf`: a supervisor's or an ОНФ
 * curator's region, all for the ОНФ's headquarters), created in the period in their region's
 * local dates. The memory card store's `caseIndicators`, and its reference semantics.
 *
 * @throws {WorkflowRefusal} `invalid_payload` for a malformed query; `forbidden` for a viewer
 *   who may not see the card indicators (`caseIndicatorScopeOf` gives `null`).
 * @example
 * computeCaseIndicators(cards, { from: '2025-01-01', to: '2025-03-31', groupBy: 'month' },
 *   curator, directory).totals.closedByReason.unreachable;
 */
export function computeCaseIndicators(
  cards: Iterable<KeptCase>,
  input: CaseIndicatorQueryInput,
  viewer: Principal,
  directory: Directory,
): CaseIndicatorResult {
  const { query, scope } = checkCaseIndicatorQuery(input, viewer, directory);
  const groups = new Map<string, CaseIndicatorRow>();
  const totals = emptyRow('total', 'Итого');
  for (const card of cards) {
    const c = card.context;
    if (!isCaseVisible(scope, c)) continue;
    if (query.region !== undefined && c.regionCode !== query.region) continue;
    if (query.categoryId !== undefined && c.categoryId !== query.categoryId) continue;
    const createdOn = localDateIn(c.createdAt, regionTimeZone(c.regionCode));
    if (createdOn < query.from || createdOn > query.to) continue;
    const key = keyOf(query.groupBy, c, createdOn);
    let row = groups.get(key);
    if (!row) {
      row = emptyRow(key, labelOf(query.groupBy, key, directory));
      groups.set(key, row);
    }
    add(row, card);
    add(totals, card);
  }
  const keys = periodKeys(query);
  const rows =
    keys !== null
      ? keys.map((k) => groups.get(k) ?? emptyRow(k, labelOf(query.groupBy, k, directory)))
      : sortedByLabel([...groups.values()], directory.organisations);
  return { rows, totals };
}
