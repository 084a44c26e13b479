import { describe, expect, it } from 'vitest';
import {
  countdownParts,
  countRu,
  formatCountdown,
  formatDurationRu,
  pluralRu,
} from '../../../src/kernel/deadlines/index.js';

const DAY = ['день', 'дня', 'дней'] as const;
const HOUR = ['час', 'часа', 'часов'] as const;
const MINUTE = ['минута', 'минуты', 'минут'] as const;

describe('pluralRu', () => {
  it.each([
    [0, 'дней'],
    [1, 'день'],
    [2, 'дня'],
    [4, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [12, 'дней'],
    [14, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [25, 'дней'],
    [101, 'день'],
    [111, 'дней'],
    [112, 'дней'],
    [1001, 'день'],
    [-1, 'день'],
    [-3, 'дня'],
    [1.5, 'дня'],
  ])('%s %s', (n, form) => {
    expect(pluralRu(n, DAY)).toBe(form);
  });

  it('hours and minutes', () => {
    expect([1, 2, 5, 21, 23].map((n) => countRu(n, HOUR))).toEqual([
      '1 час',
      '2 часа',
      '5 часов',
      '21 час',
      '23 часа',
    ]);
    expect([1, 2, 5, 11, 59].map((n) => countRu(n, MINUTE))).toEqual([
      '1 минута',
      '2 минуты',
      '5 минут',
      '11 минут',
      '59 минут',
    ]);
  });

  it('refuses non-finite numbers', () => {
    expect(() => pluralRu(Number.POSITIVE_INFINITY, DAY)).toThrow(RangeError);
  });
});

describe('formatCountdown', () => {
  const dueAt = '2025-01-25T11:59:00.000Z'; // 23:59 25.01.2025 in Kamchatka
  const tz = 'Asia/Kamchatka';

  it('shows the time left and the local deadline (seed 004)', () => {
    expect(formatCountdown('2025-01-16T09:20:00+12:00', dueAt, tz)).toBe(
      '9 дней 14 часов 39 минут / до 23:59 25.01.2025',
    );
  });

  it('shows how late a message is', () => {
    expect(formatCountdown('2025-01-27T15:04:00Z', dueAt, tz)).toBe(
      'просрочено на 2 дня 3 часа 5 минут / до 23:59 25.01.2025',
    );
  });

  it('drops leading zero units and keeps the ones after', () => {
    expect(formatCountdown('2025-01-25T23:00:00+12:00', dueAt, tz)).toBe(
      '59 минут / до 23:59 25.01.2025',
    );
    expect(formatCountdown('2025-01-25T21:59:00+12:00', dueAt, tz)).toBe(
      '2 часа 0 минут / до 23:59 25.01.2025',
    );
    expect(formatCountdown('2025-01-24T23:58:00+12:00', dueAt, tz)).toBe(
      '1 день 0 часов 1 минута / до 23:59 25.01.2025',
    );
    expect(formatCountdown('2025-01-04T22:58:00+12:00', dueAt, tz)).toBe(
      '21 день 1 час 1 минута / до 23:59 25.01.2025',
    );
  });

  it('under a minute, and at the deadline itself', () => {
    expect(formatCountdown('2025-01-25T23:58:30+12:00', dueAt, tz)).toBe(
      'менее минуты / до 23:59 25.01.2025',
    );
    expect(formatCountdown(dueAt, dueAt, tz)).toBe('менее минуты / до 23:59 25.01.2025');
    expect(countdownParts(dueAt, dueAt).overdue).toBe(false);
    expect(formatCountdown('2025-01-25T23:59:00.001+12:00', dueAt, tz)).toBe(
      'просрочено менее чем на минуту / до 23:59 25.01.2025',
    );
  });

  it('rounds down to whole minutes', () => {
    expect(countdownParts('2025-01-25T23:57:01+12:00', dueAt)).toEqual({
      overdue: false,
      days: 0,
      hours: 0,
      minutes: 1,
      totalMinutes: 1,
    });
    expect(formatDurationRu({ days: 5, hours: 0, minutes: 0 })).toBe('5 дней 0 часов 0 минут');
  });
});
