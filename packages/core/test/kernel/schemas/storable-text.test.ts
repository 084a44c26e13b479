import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorableText } from '../../../src/kernel/schemas/primitives.js';
import { caseCreateEventSchema } from '../../../src/onf/schemas/events.js';
import { submitEventSchema } from '../../../src/pos/schemas/events.js';
import { answerDraftSchema } from '../../../src/pos/schemas/message.js';
import { messageQuerySchema } from '../../../src/pos/schemas/query.js';
import { potholeSubmit } from '../../helpers.js';
import { createCard } from '../../onf/helpers.js';

describe('isStorableText', () => {
  it('holds for any well-formed string without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(isStorableText(value)).toBe(!value.includes('\u0000'));
      }),
    );
  });

  it('fails for a lone surrogate anywhere, and holds for a pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }),
        fc.string({ unit: 'grapheme-ascii' }),
        fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
        (before, after, half) => {
          expect(isStorableText(`${before}${half}${after}`)).toBe(false);
        },
      ),
    );
    expect(isStorableText('яма 😀')).toBe(true);
    expect(isStorableText('\uDE00\uD83D')).toBe(false); // the halves in the wrong order
  });
});

/** Every path to a string in a parsed value. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  }
  return [];
}

function withAt(value: unknown, path: (string | number)[], make: (old: string) => string): unknown {
  if (path.length === 0) return make(value as string);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = withAt(copy[head], rest, make);
  return copy;
}

describe('every text field refuses what text cannot hold', () => {
  const inputs = [
    ['a submit', submitEventSchema, potholeSubmit({ municipality: 'Петропавловск' })],
    ['an ОНФ card', caseCreateEventSchema, createCard()],
    [
      'an answer',
      answerDraftSchema,
      { type: 'resolved', text: 'Заделано', files: [{ name: 'акт.pdf', ref: 'k/1' }] },
    ],
    ['a list query', messageQuerySchema, { text: 'яма', orgIds: ['kam-roads'], limit: 10 }],
  ] as const;

  it.each(inputs)('%s', (_, schema, input) => {
    expect(schema.safeParse(input).success).toBe(true);
    // Strings the schema constrains by format (dates, codes, enums) refuse anything odd already.
    const free = stringPaths(input).filter((path) => {
      const spoiled = withAt(input, path, (old) => `${old} `);
      return schema.safeParse(spoiled).success;
    });
    expect(free.length).toBeGreaterThanOrEqual(2);
    for (const path of free) {
      for (const bad of ['\u0000', '\uD800', '\uDC00']) {
        const result = schema.safeParse(withAt(input, path, (old) => `${old}${bad}`));
        expect(result.success, `${path.join('.')} with ${JSON.stringify(bad)}`).toBe(false);
        expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path.join('.'));
      }
    }
  });
});
