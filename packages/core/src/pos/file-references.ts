import type { WorkflowError } from '../kernel/errors.js';
import { invalidField } from '../kernel/errors.js';
import {
  checkFileReferences,
  type FileCheckResult,
  type FileContext,
  knownFiles,
} from '../kernel/files/check-file-references.js';
import { fileRulesOf } from '../kernel/files/file-limits.js';
import { PUBLIC_PHOTO_TYPES } from '../kernel/files/public-photo.js';
import { resolveFileInputs } from '../kernel/files/resolve-file-inputs.js';
import type { AnswerFile, AnswerFileInput } from './schemas/message.js';

type Checked<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };

/**
 * A submit's attachments: the applicant's own fresh uploads, of the photo types, within
 * the limits. The message is new, so nothing can be attached to it yet. A photo marked
 * `public` keeps the mark; only a JPEG or PNG may carry it.
 */
export function resolveAttachments(
  references: readonly { fileId: string; public?: boolean | undefined }[],
  submit: { senderId: string; messageId: string },
  files: FileContext | undefined,
): FileCheckResult {
  const checked = checkAttachments(references, submit, files);
  if (!checked.ok) return checked;
  const marked = checked.value.map((file, index) =>
    references[index]?.public === true ? { ...file, public: true as const } : file,
  );
  const wrong = marked.findIndex(
    (file) => file.public === true && !PUBLIC_PHOTO_TYPES.includes(file.contentType),
  );
  if (wrong >= 0) {
    return {
      ok: false,
      error: invalidField(
        ['attachments', wrong, 'public'],
        `показывать всем можно только фото JPEG или PNG, а «${marked[wrong]?.name}» — ${marked[wrong]?.contentType}`,
      ),
    };
  }
  return { ok: true, value: marked };
}

function checkAttachments(
  references: readonly { fileId: string }[],
  submit: { senderId: string; messageId: string },
  files: FileContext | undefined,
): FileCheckResult {
  const rules = fileRulesOf(files?.rules);
  return checkFileReferences({
    references,
    path: ['attachments'],
    senderId: submit.senderId,
    messageId: submit.messageId,
    allowedTypes: rules.photoTypes,
    limits: rules.limits,
    known: knownFiles(files),
  });
}

/**
 * An answer's files: uploads (by id) are checked as a rule — the executor's own fresh
 * uploads or files already attached to this message (a draft returned for rework), of the
 * answer types, within the limits — and kept with their descriptor; whatever name or size
 * a client wrote beside an id is replaced by the store's. Files named without an upload
 * keep their name (checked by extension in the schema).
 */
export function resolveAnswerFiles(
  inputs: readonly AnswerFileInput[],
  answer: { senderId: string; messageId: string },
  files: FileContext | undefined,
): Checked<AnswerFile[]> {
  return resolveFileInputs(
    inputs,
    {
      path: ['answer', 'files'],
      senderId: answer.senderId,
      ownerId: answer.messageId,
      types: (rules) => rules.answerTypes,
    },
    files,
  );
}

/** Every upload a message holds: its attachments and the files of its answers. */
export function fileIdsOf(message: {
  attachments?: readonly { fileId: string }[];
  answer: { files: readonly AnswerFile[] } | null;
  previousAnswers: readonly { files: readonly AnswerFile[] }[];
}): string[] {
  const answers = [...(message.answer ? [message.answer] : []), ...message.previousAnswers];
  return [
    ...(message.attachments ?? []).map((f) => f.fileId),
    ...answers.flatMap((a) => a.files.flatMap((f) => (f.fileId === undefined ? [] : [f.fileId]))),
  ];
}
