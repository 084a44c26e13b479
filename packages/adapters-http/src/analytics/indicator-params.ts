import {
  channelSchema,
  type IndicatorQueryInput,
  indicatorGroupBySchema,
  isStorableText,
} from '@reshaem/core';
import { type FieldError, HttpProblem, problem } from '../problems.js';

/**
 * The longest period the API counts at once: a year and a day, so that any calendar year
 * (a leap one too) fits, while one request cannot make the store read a decade of history.
 */
export const MAX_INDICATOR_PERIOD_DAYS = 366;

/** What the caller may ask the indicators as: JSON (the default) or an XLSX workbook. */
export type IndicatorFormat = 'json' | 'xlsx';

/** The store's query without `now` (the route adds its clock), and the asked format. */
export interface IndicatorRequest {
  query: Omit<IndicatorQueryInput, 'now'>;
  format: IndicatorFormat | undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` as its day number, or `undefined`. */
function dayNumber(value: string): number | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  const real =
    back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
  return real ? time / 86_400_000 : undefined;
}

/** 422 `validation` naming every bad parameter, in Russian: one line per parameter in `detail`. */
export const badIndicatorQuery = (errors: FieldError[]): HttpProblem =>
  new HttpProblem(
    problem(
      'validation',
      `Показатели не посчитаны: ${errors.map((e) => `${e.path.join('.')} — ${e.message}`).join('; ')}`,
      { errors },
    ),
  );

/** What a period's indicators route takes besides the period: its groupings and filters. */
export interface IndicatorParamSpec<G extends string> {
  groupBys: readonly G[];
  /** The message filters by holding organisation (`orgId`, `subtree`) and by `channel`. */
  messageFilters: boolean;
}

/** The parameters read, before they become a store's query. */
export interface PeriodParams<G extends string> {
  from: string;
  to: string;
  groupBy: G;
  orgId?: string;
  subtree?: boolean;
  region?: string;
  categoryId?: string;
  channel?: (typeof CHANNELS)[number];
  format: IndicatorFormat | undefined;
}

const CHANNELS = channelSchema.options;

/**
 * Reads an indicators route's parameters: `from` and `to` (local dates, both included, at
 * most {@link MAX_INDICATOR_PERIOD_DAYS} days), `groupBy` (one of `spec.groupBys`),
 * `region`, `categoryId`, `format` (`json` or `xlsx`) and, for the messages, `orgId` with
 * `subtree` and `channel`. Every fault is collected and refused at once (422): a missing
 * or impossible date, a period backwards or too long, an unknown key, a parameter given
 * twice, or one the route does not take (so a typo never widens the figures).
 */
export function readPeriodParams<G extends string>(
  params: Record<string, string[]>,
  spec: IndicatorParamSpec<G>,
): PeriodParams<G> {
  const known = new Set([
    'from',
    'to',
    'groupBy',
    'region',
    'categoryId',
    'format',
    ...(spec.messageFilters ? ['orgId', 'subtree', 'channel'] : []),
  ]);
  const errors: FieldError[] = [];
  const fail = (name: string, message: string) =>
    errors.push({ in: 'query', path: [name], message });
  const one = (name: string): string | undefined => {
    const values = params[name];
    if (values === undefined) return undefined;
    if (values.length !== 1) fail(name, 'укажите этот параметр один раз');
    return values[0];
  };
  for (const [name, values] of Object.entries(params)) {
    if (!isStorableText(name) || values.some((v) => !isStorableText(v))) {
      fail(name, 'содержит символ, который нельзя сохранить как текст');
    } else if (!known.has(name)) fail(name, 'неизвестный параметр запроса');
  }
  const date = (name: 'from' | 'to') => {
    const value = one(name);
    if (value === undefined) fail(name, 'укажите дату в виде ГГГГ-ММ-ДД');
    else if (dayNumber(value) === undefined) fail(name, `нет такой даты: «${value.slice(0, 40)}»`);
    return value;
  };
  const from = date('from');
  const to = date('to');
  const start = from === undefined ? undefined : dayNumber(from);
  const end = to === undefined ? undefined : dayNumber(to);
  if (start !== undefined && end !== undefined) {
    if (start > end) fail('to', 'конец периода раньше его начала');
    else if (end - start + 1 > MAX_INDICATOR_PERIOD_DAYS) {
      fail('to', `период не длиннее ${MAX_INDICATOR_PERIOD_DAYS} дней`);
    }
  }
  const choice = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = one(name);
    if (value === undefined || allowed.includes(value as T)) return value as T | undefined;
    fail(name, `одно из значений: ${allowed.join(', ')}`);
    return undefined;
  };
  const groupBy = choice('groupBy', spec.groupBys);
  if (params.groupBy === undefined) {
    fail('groupBy', `одно из значений: ${spec.groupBys.join(', ')}`);
  }
  const subtree = spec.messageFilters ? choice('subtree', ['true', 'false'] as const) : undefined;
  const channel = spec.messageFilters ? choice('channel', CHANNELS) : undefined;
  const format = choice('format', ['json', 'xlsx'] as const);
  const id = (name: string) => {
    const value = one(name);
    if (value !== undefined && (value === '' || value.length > 200)) {
      fail(name, 'идентификатор от 1 до 200 символов');
    }
    return value;
  };
  const orgId = spec.messageFilters ? id('orgId') : undefined;
  const categoryId = id('categoryId');
  const region = one('region');
  if (region !== undefined && !/^\d{2,3}$/.test(region)) fail('region', 'код региона, например 41');
  if (errors.length > 0 || from === undefined || to === undefined || groupBy === undefined) {
    throw badIndicatorQuery(errors);
  }
  return {
    from,
    to,
    groupBy,
    ...(orgId === undefined ? {} : { orgId }),
    ...(subtree === undefined ? {} : { subtree: subtree === 'true' }),
    ...(region === undefined ? {} : { region }),
    ...(categoryId === undefined ? {} : { categoryId }),
    ...(channel === undefined ? {} : { channel }),
    format,
  };
}

/**
 * Reads `GET /analytics/indicators`'s parameters (see {@link readPeriodParams}): the
 * message groupings, and the organisation and channel filters besides the shared ones.
 */
export function readIndicatorParams(params: Record<string, string[]>): IndicatorRequest {
  const { format, ...query } = readPeriodParams(params, {
    groupBys: indicatorGroupBySchema.options,
    messageFilters: true,
  });
  return { query, format };
}
