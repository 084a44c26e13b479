import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../src/onf/schemas/case.js';
import { copyCard } from '../../src/onf/schemas/copy.js';
import { copyMessage } from '../../src/pos/schemas/copy.js';
import { messageSchema } from '../../src/pos/schemas/message.js';
import { drive, start, toAnswerSent } from '../helpers.js';
import * as onf from '../onf/helpers.js';

const cases = [
  {
    name: 'copyMessage',
    record: () => drive(start(), toAnswerSent).context,
    copy: copyMessage as (record: object) => object,
    keys: Object.keys(messageSchema.shape),
  },
  {
    name: 'copyCard',
    record: () => onf.drive(onf.start(), onf.toDone).context,
    copy: copyCard as (record: object) => object,
    keys: Object.keys(caseRecordSchema.shape),
  },
];

describe.each(cases)('$name', ({ record, copy, keys }) => {
  it('copies every field of the schema, in the schema’s order, from a frozen record', () => {
    const original = record();
    const copied = copy(Object.freeze({ ...original }));
    expect(Object.keys(copied)).toEqual(keys);
    expect(copied).toEqual(original);
    expect(copied).not.toBe(original);
    expect(Object.isFrozen(copied)).toBe(false);
  });
});
