import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/index.js';
import { at, directory, drive, start, toCoordination, users } from '../helpers.js';

describe('snapshots a caller changed', () => {
  const update = (n: number) => ({
    type: 'registration.update',
    at: at(10 + n),
    by: users.coordinatorRoads,
    registrationNumber: `REG-${n}`,
  });

  it('are read as they are now, not as applyEvent returned them', () => {
    const snapshot = drive(start(), toCoordination);
    const first = applyEvent(snapshot, update(1), directory);
    if (!first.ok) throw new Error(first.error.message);
    // The same object, its context swapped after the fact.
    const edited = first.snapshot;
    edited.context = { ...edited.context, text: 'Текст, исправленный порталом' };
    const next = applyEvent(edited, update(2), directory);
    expect(next.ok && next.snapshot.context).toMatchObject({
      text: 'Текст, исправленный порталом',
      registrationNumber: 'REG-2',
    });
  });

  it('give the same result as the snapshot they were copied from', () => {
    const snapshot = drive(start(), toCoordination);
    const first = applyEvent(snapshot, update(1), directory);
    if (!first.ok) throw new Error(first.error.message);
    const copied = JSON.parse(JSON.stringify(first.snapshot));
    const fromReturned = applyEvent(first.snapshot, update(2), directory);
    const fromCopy = applyEvent(copied, update(2), directory);
    expect(JSON.stringify(fromCopy)).toBe(JSON.stringify(fromReturned));
  });
});
