import { describe, expect, it } from 'vitest';
import { messageSchema } from '../../src/schemas/message.js';
import { copyMessage } from '../../src/schemas/message-copy.js';
import { drive, start, toAnswerSent } from '../helpers.js';

describe('copyMessage', () => {
  it('copies every field of the message schema, in the schema’s order', () => {
    const message = drive(start(), toAnswerSent).context;
    const copied = copyMessage(Object.freeze({ ...message }));
    expect(Object.keys(copied)).toEqual(Object.keys(messageSchema.shape));
    expect(copied).toEqual(message);
    expect(copied).not.toBe(message);
    expect(Object.isFrozen(copied)).toBe(false);
  });
});
