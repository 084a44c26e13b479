import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../src/onf/schemas/case.js';
import { copyCard } from '../../src/onf/schemas/case-copy.js';
import { drive, start, toDone } from './helpers.js';

describe('copyCard', () => {
  it('copies every field of the card schema, in the schema’s order', () => {
    const card = drive(start(), toDone).context;
    const copied = copyCard(Object.freeze({ ...card }));
    expect(Object.keys(copied)).toEqual(Object.keys(caseRecordSchema.shape));
    expect(copied).toEqual(card);
    expect(copied).not.toBe(card);
    expect(Object.isFrozen(copied)).toBe(false);
  });
});
