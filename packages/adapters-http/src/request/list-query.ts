import { messageQuerySchema } from '@reshaem/core';
import { queryParamReader } from './query-params.js';

/** Query parameters → the core's message list query (SPEC §7 filters and sorts). */
export const parseListQuery = queryParamReader(messageQuerySchema);
