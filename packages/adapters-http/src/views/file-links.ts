import type { ShownMessage } from '@reshaem/core';
import type { FileLink } from '../schemas/views.js';

/** The download URL of a file, under the app's base path. */
export const fileUrl = (basePath: string, id: string) =>
  `${basePath}/files/${encodeURIComponent(id)}`;

/**
 * The uploaded files of a message as this viewer sees it, each with its download URL: the
 * applicant's attachments, the current answer's files and earlier answers' files. Whatever
 * the field rules hid from the view (a draft answer, the public's attachments) is not here.
 * Files named without an upload have no bytes to download and are left out.
 */
export function fileLinksOf(message: ShownMessage, basePath: string): FileLink[] {
  const links: FileLink[] = (message.attachments ?? []).map((f) => ({
    id: f.fileId,
    name: f.name,
    size: f.size,
    contentType: f.contentType,
    sha256: f.sha256,
    field: 'attachments',
    downloadUrl: fileUrl(basePath, f.fileId),
  }));
  const answers = [
    ...(message.answer ? [{ field: 'answer' as const, answer: message.answer }] : []),
    ...message.previousAnswers.map((answer) => ({ field: 'previousAnswers' as const, answer })),
  ];
  for (const { field, answer } of answers) {
    for (const f of answer.files) {
      if (f.fileId === undefined) continue;
      links.push({
        id: f.fileId,
        name: f.name,
        size: f.size ?? 0,
        contentType: f.contentType ?? 'application/octet-stream',
        sha256: f.sha256 ?? '',
        field,
        downloadUrl: fileUrl(basePath, f.fileId),
      });
    }
  }
  return links;
}
