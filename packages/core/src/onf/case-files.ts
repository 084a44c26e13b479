import type { CaseRecord } from './schemas/case.js';

const PREFIX = 'case:';

/**
 * What a card's uploads are attached to in a file store (`StoredFile.attachedTo`): the
 * card's id under a `case:` prefix, so that a card and a ПОС message that happen to share an
 * id never share files.
 *
 * @example
 * await fileStore.attach(ids, caseFileOwner(card.id)); // 'case:c-1'
 */
export const caseFileOwner = (caseId: string): string => `${PREFIX}${caseId}`;

/**
 * The card a file store's `attachedTo` names, or `undefined` when it names a message (or
 * nothing).
 *
 * @example
 * caseIdOfFileOwner('case:c-1'); // 'c-1'
 */
export const caseIdOfFileOwner = (attachedTo: string | null): string | undefined =>
  attachedTo?.startsWith(PREFIX) ? attachedTo.slice(PREFIX.length) : undefined;

/** The uploads a card's current resolution holds (files named only have none). */
export const caseFileIdsOf = (card: Pick<CaseRecord, 'resolution'>): string[] =>
  (card.resolution?.files ?? []).flatMap((f) => (f.fileId === undefined ? [] : [f.fileId]));

/**
 * The uploads a store attaches to the card with this write, in its transaction: a
 * resolution's (the core's rule has checked each is the sender's fresh upload or already the
 * card's). Other events attach nothing.
 */
export const caseFilesToAttach = (applied: {
  record: { type: string };
  snapshot: { context: Pick<CaseRecord, 'resolution'> };
}): string[] =>
  applied.record.type === 'case.resolve' ? caseFileIdsOf(applied.snapshot.context) : [];
