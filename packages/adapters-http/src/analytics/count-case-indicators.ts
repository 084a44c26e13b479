import {
  type CaseIndicatorQueryInput,
  type CaseIndicatorResult,
  type CaseStore,
  hasCaseStore,
  type MessageStore,
  type Principal,
} from '@reshaem/core';
import { indicatorRefusal } from './count-indicators.js';

/** A store whose card store counts the ОНФ card indicators (the port marks it optional). */
export type CaseIndicatorStore = MessageStore &
  CaseStore &
  Required<Pick<CaseStore, 'caseIndicators'>>;

/**
 * Whether the store keeps ОНФ cards and counts their indicators: the route and its OpenAPI
 * description exist only then.
 */
export const countsCaseIndicators = (store: MessageStore): store is CaseIndicatorStore =>
  hasCaseStore(store) && typeof store.caseIndicators === 'function';

/**
 * Asks the store, which decides whose cards the viewer's figures count
 * (`caseIndicatorScopeOf`), and turns its refusals into problems: 403 for a viewer who may
 * not see the card indicators, 422 for a query it finds malformed.
 */
export async function countCaseIndicators(
  store: CaseIndicatorStore,
  query: CaseIndicatorQueryInput,
  viewer: Principal,
): Promise<CaseIndicatorResult> {
  try {
    return await store.caseIndicators(query, viewer);
  } catch (error) {
    return indicatorRefusal(error);
  }
}
