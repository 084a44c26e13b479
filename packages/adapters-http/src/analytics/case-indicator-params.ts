import { type CaseIndicatorQueryInput, caseIndicatorGroupBySchema } from '@reshaem/core';
import { type IndicatorFormat, readPeriodParams } from './indicator-params.js';

/** The card store's query and the asked format. */
export interface CaseIndicatorRequest {
  query: CaseIndicatorQueryInput;
  format: IndicatorFormat | undefined;
}

/**
 * Reads `GET /analytics/case-indicators`'s parameters: `from`, `to`, `groupBy` (`region`,
 * `category`, `day`, `week`, `month`), `region`, `categoryId` and `format`, checked as the
 * message indicators' are ({@link readPeriodParams}): every fault in one 422, a parameter
 * the route does not take (`orgId`, `channel`) among them.
 */
export function readCaseIndicatorParams(params: Record<string, string[]>): CaseIndicatorRequest {
  const { format, from, to, groupBy, region, categoryId } = readPeriodParams(params, {
    groupBys: caseIndicatorGroupBySchema.options,
    messageFilters: false,
  });
  return {
    query: {
      from,
      to,
      groupBy,
      ...(region === undefined ? {} : { region }),
      ...(categoryId === undefined ? {} : { categoryId }),
    },
    format,
  };
}
