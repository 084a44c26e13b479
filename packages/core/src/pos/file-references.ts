import type { WorkflowError } from '../kernel/errors.js';
import { invalidField } from '../kernel/errors.js';
import {
  checkFileReferences,
  type FileCheckResult,
  type FileContext,
  knownFiles,
} from '../kernel/files/check-file-references.js';
import type { AttachedFile } from '../kernel/files/file-descriptor.js';
import { fileRulesOf } from '../kernel/files/file-limits.js';
import type { AnswerFile, AnswerFileInput } from './schemas/message.js';

type Checked<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };

/**
 * A submit's attachments: the applicant's own fresh uploads, of the photo types, within
 * the limits. The message is new, so nothing can be attached to it yet.
 */
export function resolveAttachments(
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

type Reference = AnswerFileInput & { fileId: string };
type Named = AnswerFileInput & { name: string };
const isReference = (file: AnswerFileInput): file is Reference => file.fileId !== undefined;
/** A file named without an upload (the schema saw to it that it has a name). */
const isNamed = (file: AnswerFileInput): file is Named => file.name !== undefined;

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
  const rules = fileRulesOf(files?.rules);
  if (inputs.length > rules.limits.filesPerItem) {
    return {
      ok: false,
      error: invalidField(['answer', 'files'], `не больше ${rules.limits.filesPerItem} файлов`),
    };
  }
  const references = inputs.filter(isReference).map((f) => ({ fileId: f.fileId }));
  const checked = checkFileReferences({
    references,
    path: ['answer', 'files'],
    senderId: answer.senderId,
    messageId: answer.messageId,
    allowedTypes: rules.answerTypes,
    limits: rules.limits,
    known: knownFiles(files),
  });
  if (!checked.ok) return checked;
  const byId = new Map(checked.value.map((f) => [f.fileId, f]));
  return {
    ok: true,
    value: inputs.flatMap((input): AnswerFile[] => {
      if (isReference(input)) {
        const file = byId.get(input.fileId);
        return file ? [answerFileOf(file)] : [];
      }
      return isNamed(input) ? [input] : [];
    }),
  };
}

const answerFileOf = (file: AttachedFile): AnswerFile => ({
  fileId: file.fileId,
  name: file.name,
  size: file.size,
  contentType: file.contentType,
  sha256: file.sha256,
  uploadedAt: file.uploadedAt,
});

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
