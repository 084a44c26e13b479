import { caseQuerySchema } from '@reshaem/core';
import { queryParamReader } from './query-params.js';

/** Query parameters → the core's card list query (SPEC §9 filters: labels, lock, phone …). */
export const parseCaseListQuery = queryParamReader(caseQuerySchema);
