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

/** A condition on the message's summary row, found through its primary key. */
const onSummary = (condition: RawBuilder<boolean>) =>
  sql<boolean>`EXISTS (SELECT 1 FROM message_indicators AS i
    WHERE i.message_id = messages.id AND ${condition})`;

/**
 * The list's rating and re-review filters (`rated`, `ratingScores`, `reReviewed`) as SQL:
 * read off `message_indicators`, the summary row every write keeps in its own statement
 * (per score, how many of the message's ratings gave it; the re-review rounds). Each is an
 * `EXISTS` through that row's primary key, so a list stays driven by the scope and date
 * indexes of `messages` and the summary row is looked up only for the rows they give.
 */
export function ratingFilters(query: MessageQuery): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [];
  if (query.rated !== undefined) {
    const rated = sql<boolean>`(i.rating_1 + i.rating_2 + i.rating_3 + i.rating_4 + i.rating_5 > 0)`;
    where.push(onSummary(sql<boolean>`${rated} = ${query.rated}`));
  }
  if (query.ratingScores) {
    const scores = [...new Set(query.ratingScores)] as Score[];
    const any = scores.map((s) => sql<boolean>`${sql.ref(`i.${scoreColumns[s]}`)} > 0`);
    where.push(onSummary(sql<boolean>`(${sql.join(any, sql` OR `)})`));
  }
  if (query.reReviewed !== undefined) {
    where.push(onSummary(sql<boolean>`(i.re_reviews > 0) = ${query.reReviewed}`));
  }
  return where;
}
