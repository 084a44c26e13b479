import { describe, expect, it } from 'vitest';
import { filterParams, listUrl, readFilters, toQuery } from '../src/web/list-query.js';

const read = (search: string) => readFilters(new URLSearchParams(search));

describe('the backoffice filters in the URL', () => {
  it('round-trip the rating and re-review filters', () => {
    const filters = read('rated=yes&ratingScores=5&ratingScores=1&reReviewed=no&org=kam-roads');
    expect([filters.rated, filters.ratingScores, filters.reReviewed]).toEqual([
      'yes',
      ['1', '5'],
      'no',
    ]);
    const params = filterParams(filters);
    expect(params.getAll('ratingScores')).toEqual(['1', '5']);
    expect(read(params.toString())).toEqual(filters);
    expect(listUrl(read(''), { ratingScores: ['4'], reReviewed: 'yes' })).toBe(
      '/backoffice?ratingScores=4&reReviewed=yes',
    );
  });

  it('drop what is no score or no yes/no, and read no filter as any', () => {
    const filters = read(
      'rated=maybe&ratingScores=0&ratingScores=6&ratingScores=x&ratingScores=3&ratingScores=3',
    );
    expect([filters.rated, filters.ratingScores, filters.reReviewed]).toEqual(['', ['3'], '']);
    const none = toQuery(read(''), 'Asia/Kamchatka');
    expect([none.rated, none.ratingScores, none.reReviewed]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('ask the store for them as the core query has them', () => {
    const query = toQuery(
      read('rated=no&ratingScores=2&ratingScores=4&reReviewed=yes'),
      'Asia/Kamchatka',
    );
    expect([query.rated, query.ratingScores, query.reReviewed]).toEqual([false, [2, 4], true]);
  });
});
