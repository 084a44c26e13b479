import { invalidField, type WorkflowError } from '../errors.js';
import {
  type AttachedFile,
  attachedFileOf,
  type FileReference,
  type StoredFile,
} from './file-descriptor.js';
import type { FileLimits, FileRulesInput } from './file-limits.js';

/**
 * The uploads an event refers to, as the store or the HTTP adapter looked them up, with
 * the deployment's rules. The core does no I/O: it judges references against these.
 */
export interface FileContext {
  /** Stored files; ids the event names but this list lacks do not exist. */
  known: readonly StoredFile[];
  /** Limits and type sets; the defaults where absent (`DEFAULT_FILE_RULES`). */
  rules?: FileRulesInput;
}

/** One field's references to judge: who sends them, for which message, under which rules. */
export interface FileReferenceCheck {
  references: readonly FileReference[];
  /** Where the references sit in the event, for the refusal's issue path. */
  path: (string | number)[];
  senderId: string;
  messageId: string;
  allowedTypes: readonly string[];
  limits: FileLimits;
  known: ReadonlyMap<string, StoredFile>;
}

export type FileCheckResult =
  | { ok: true; value: AttachedFile[] }
  | { ok: false; error: WorkflowError };

/**
 * The rule every file field follows: each referenced upload exists, belongs to the sender
 * (a fresh upload of theirs) or is already attached to the same message, has a type the
 * field allows, and the field's count and sizes are within the limits. A file is named
 * once. An upload that is someone else's is reported as missing, so ids do not leak.
 * Returns the files as the message keeps them, in the order referenced.
 */
export function checkFileReferences(check: FileReferenceCheck): FileCheckResult {
  const { references, path, limits } = check;
  const refuse = (at: (string | number)[], message: string): FileCheckResult => ({
    ok: false,
    error: invalidField(at, message),
  });
  if (references.length > limits.filesPerItem) {
    return refuse(path, `не больше ${limits.filesPerItem} файлов`);
  }
  const seen = new Set<string>();
  const attached: AttachedFile[] = [];
  let total = 0;
  for (const [index, { fileId }] of references.entries()) {
    const at = [...path, index, 'fileId'];
    if (seen.has(fileId)) return refuse(at, `файл ${fileId} указан дважды`);
    seen.add(fileId);
    const file = check.known.get(fileId);
    const own = file?.attachedTo === null && file.uploadedBy === check.senderId;
    if (!file || !(own || file.attachedTo === check.messageId)) {
      return refuse(at, `загруженный файл ${fileId} не найден`);
    }
    if (!check.allowedTypes.includes(file.contentType)) {
      return refuse(
        at,
        `файл «${file.name}» имеет тип ${file.contentType}; здесь можно: ${check.allowedTypes.join(', ')}`,
      );
    }
    if (file.size > limits.fileBytes) {
      return refuse(at, `файл «${file.name}» больше ${limits.fileBytes} байт`);
    }
    total += file.size;
    if (total > limits.itemBytes) {
      return refuse(path, `файлы вместе больше ${limits.itemBytes} байт`);
    }
    attached.push(attachedFileOf(file));
  }
  return { ok: true, value: attached };
}

/** The looked-up files by id. */
export const knownFiles = (context: FileContext | undefined): Map<string, StoredFile> =>
  new Map((context?.known ?? []).map((f) => [f.id, f]));
