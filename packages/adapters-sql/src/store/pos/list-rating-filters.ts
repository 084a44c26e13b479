import type { MessageQuery } from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';

const scoreColumns = {
  1: 'rating_1',
  2: 'rating_2',
  3: 'rating_3',
  4: 'rating_4',
  5: 'rating_5',
} as const;

type Score = keyof typeof scoreColumns;

/**
 * A value of the message's summary row, read through its primary key. A scalar subquery
 * rather than `EXISTS`: the planner cannot turn it into a join, so it never reads the
 * whole table to hash it; each message the scope and date indexes give costs one look-up.
 */
const fromSummary = (value: RawBuilder<unknown>) =>
  sql`(SELECT ${value} FROM message_indicators AS i WHERE i.message_id = messages.id)`;

/**
 * The list's rating and re-review filters (`rated`, `ratingScores`, `reReviewed`) as SQL:
 * read off `message_indicators`, the summary row every write keeps in its own statement
 * (per score, how many of the message's ratings gave it; the re-review rounds), looked up
 * by its primary key for each row the scope and date indexes of `messages` give, so a list
 * stays driven by those indexes.
 */
export function ratingFilters(query: MessageQuery): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [];
  if (query.rated !== undefined) {
    const rated = sql`i.rating_1 + i.rating_2 + i.rating_3 + i.rating_4 + i.rating_5 > 0`;
    where.push(sql<boolean>`${fromSummary(rated)} = ${query.rated}`);
  }
  if (query.ratingScores) {
    const scores = [...new Set(query.ratingScores)] as Score[];
    const any = scores.map((s) => sql<boolean>`${sql.ref(`i.${scoreColumns[s]}`)} > 0`);
    where.push(sql<boolean>`${fromSummary(sql.join(any, sql` OR `))}`);
  }
  if (query.reReviewed !== undefined) {
    where.push(sql<boolean>`${fromSummary(sql`i.re_reviews > 0`)} = ${query.reReviewed}`);
  }
  return where;
}
