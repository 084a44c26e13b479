import { describe, expect, it } from 'vitest';
import { autoruleMismatches, matchAutorule } from '../../../src/index.js';
import { arrived, rule } from './fixtures.js';

const message = {
  ...arrived().context,
  text: 'Глубокая ЯМА на проезжей части у детской площадки, ул. Ленинская, 5. Ещё и ёлка упала',
  municipality: 'Петропавловск-Камчатский городской округ',
};

describe('matchAutorule', () => {
  it('matches a rule without criteria', () => {
    expect(matchAutorule(rule(), message)).toBe(true);
  });

  it('needs every given criterion and any listed value of each', () => {
    const r = rule({
      match: {
        categoryIds: ['health', 'roads'],
        subcategoryIds: ['potholes'],
        factIds: ['pothole-street'],
        regionCodes: ['41'],
        channels: ['epgu_form', 'mobile_app'],
      },
    });
    expect(matchAutorule(r, message)).toBe(true);
    expect(autoruleMismatches(r, { ...message, regionCode: '73', channel: 'operator' })).toEqual([
      'regionCodes',
      'channels',
    ]);
  });

  it('never matches listed facts when the message has none', () => {
    const r = rule({ match: { factIds: ['pothole-street'] } });
    expect(autoruleMismatches(r, { ...message, factId: null })).toEqual(['factIds']);
  });

  it('finds stems at the start of words, case- and ё-insensitively', () => {
    const words = (terms: string[], mode: 'any' | 'all' = 'any') =>
      matchAutorule(rule({ match: { words: { mode, terms } } }), message);
    expect(words(['ям'])).toBe(true);
    expect(words(['ЯМЫ'])).toBe(false); // a stem longer than the word in the text
    expect(words(['ама'])).toBe(false); // inside a word, not at its start
    expect(words(['елк'])).toBe(true); // «ёлка» written with «е»
    expect(words(['Ещё'])).toBe(true);
    expect(words(['детск площадк'])).toBe(true); // consecutive words
    expect(words(['площадк детск'])).toBe(false);
    expect(words(['ям', 'снег'], 'any')).toBe(true);
    expect(words(['ям', 'снег'], 'all')).toBe(false);
    expect(words(['ям', 'ленинск'], 'all')).toBe(true);
  });

  it('compares municipalities word by word, ignoring case, «ё» and punctuation', () => {
    const r = (m: string) => rule({ match: { municipalities: ['Елизовский район', m] } });
    expect(matchAutorule(r('петропавловск камчатский  городской округ'), message)).toBe(true);
    expect(matchAutorule(r('Петропавловск-Камчатский'), message)).toBe(false);
    expect(autoruleMismatches(r('x'), { ...message, municipality: null })).toEqual([
      'municipalities',
    ]);
  });
});
