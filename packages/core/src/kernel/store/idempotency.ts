/** JSON with object keys sorted, so equal requests give equal strings. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * What makes two requests "the same" for an idempotency key: the target and the event
 * without its instant and principal (a retried request is stamped anew; the key is
 * already scoped to the principal).
 */
export function requestFingerprint(messageId: string | null, event: unknown): string {
  if (event === null || typeof event !== 'object') return stableStringify([messageId, event]);
  const { at: _at, by: _by, ...rest } = event as Record<string, unknown>;
  return stableStringify([messageId, rest]);
}

/** The principal id an event names, for scoping idempotency keys; '' when it has none. */
export function principalIdOf(event: unknown): string {
  const by = (event as { by?: { id?: unknown } } | null)?.by;
  return typeof by?.id === 'string' ? by.id : '';
}
