import type { FileContext } from '@reshaem/core';
import type { RouteDeps } from '../env.js';

const idsIn = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((item) => {
        const id = (item as { fileId?: unknown } | null)?.fileId;
        return typeof id === 'string' ? [id] : [];
      })
    : [];

/** The upload ids a submit body names (`attachments[].fileId`). */
export const submitFileIds = (body: Record<string, unknown>): string[] => idsIn(body.attachments);

/** The upload ids an event body names: an answer's `answer.files[].fileId`. */
export function eventFileIds(body: Record<string, unknown>): string[] {
  if (body.type !== 'answer.submit') return [];
  const answer = body.answer as { files?: unknown } | null | undefined;
  return idsIn(answer?.files);
}

/** The upload ids a case event body names: a resolution's `files[].fileId`. */
export const caseEventFileIds = (body: Record<string, unknown>): string[] =>
  body.type === 'case.resolve' ? idsIn(body.files) : [];

/**
 * The descriptors of the named uploads and the file rules, for the core to judge the
 * references by. Without a file store every reference is unknown (and refused).
 */
export async function fileContextOf(deps: RouteDeps, ids: string[]): Promise<FileContext> {
  const unique = [...new Set(ids)].slice(0, 1000);
  if (!deps.files) return { known: [] };
  return {
    known: unique.length === 0 ? [] : await deps.files.store.describe(unique),
    rules: deps.files.rules,
  };
}

/**
 * After the write: the uploads now belong to the message, or to the card
 * (`caseFileOwner`). Idempotent, so replays heal.
 */
export async function attachFiles(deps: RouteDeps, ids: string[], ownerId: string) {
  if (deps.files && ids.length > 0) await deps.files.store.attach([...new Set(ids)], ownerId);
}
