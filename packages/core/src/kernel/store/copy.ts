import { klona } from 'klona/json';

/**
 * A deep copy of stored data, which is plain JSON (settings, timers, outbox entries): the
 * memory stores hand out copies of what callers may want to edit and save back. klona's
 * JSON copier is several times faster than `structuredClone` on this data.
 */
export const copy: <T>(value: T) => T = klona;

/**
 * Freezes written data deeply, in place, and returns it. The memory stores keep messages,
 * cards and their history frozen and hand them out as they are: nobody can change a stored
 * record through a result (in strict-mode code the attempt throws), and no read or write
 * pays for a copy. What is already frozen is not visited again, so a write visits only
 * what its event made new: a snapshot shares everything else with the one before it.
 */
export function frozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) frozen(item);
  } else {
    for (const key in value) frozen(value[key]);
  }
  return value;
}
