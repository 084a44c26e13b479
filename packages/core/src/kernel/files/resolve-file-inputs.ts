import { invalidField, type WorkflowError } from '../errors.js';
import { checkFileReferences, type FileContext, knownFiles } from './check-file-references.js';
import type { AttachedFile } from './file-descriptor.js';
import { type FileRules, fileRulesOf } from './file-limits.js';

/** A file as an event names it: an upload by `fileId`, or a file by `name` alone. */
export interface FileInput {
  fileId?: string | undefined;
  name?: string | undefined;
}

/** Where a field's files sit and whose they may be. */
export interface FileInputField {
  /** The field's path in the event, for the refusal's issue path. */
  path: (string | number)[];
  senderId: string;
  /** What the files attach to: a message's id, or a card's attachment key. */
  ownerId: string;
  /** The field's type set among the rules. */
  types: (rules: FileRules) => readonly string[];
}

export type ResolvedFileInputs<T extends FileInput> =
  | { ok: true; value: Array<AttachedFile | (T & { name: string })> }
  | { ok: false; error: WorkflowError };

const isNamed = <T extends FileInput>(input: T): input is T & { name: string } =>
  input.fileId === undefined && input.name !== undefined;

/**
 * A field that takes uploads by id and files named only (an answer's files, a
 * resolution's): the count of all of them within the limit, the uploads checked by
 * {@link checkFileReferences} and kept with the store's descriptor (whatever a client wrote
 * beside an id is dropped), the named files kept as written, all in the order given.
 */
export function resolveFileInputs<T extends FileInput>(
  inputs: readonly T[],
  field: FileInputField,
  files: FileContext | undefined,
): ResolvedFileInputs<T> {
  const rules = fileRulesOf(files?.rules);
  if (inputs.length > rules.limits.filesPerItem) {
    return {
      ok: false,
      error: invalidField(field.path, `не больше ${rules.limits.filesPerItem} файлов`),
    };
  }
  const references = inputs.flatMap((f) => (f.fileId === undefined ? [] : [{ fileId: f.fileId }]));
  const checked = checkFileReferences({
    references,
    path: field.path,
    senderId: field.senderId,
    messageId: field.ownerId,
    allowedTypes: field.types(rules),
    limits: rules.limits,
    known: knownFiles(files),
  });
  if (!checked.ok) return checked;
  const byId = new Map(checked.value.map((f) => [f.fileId, f]));
  return {
    ok: true,
    value: inputs.flatMap((input): Array<AttachedFile | (T & { name: string })> => {
      if (input.fileId !== undefined) {
        const file = byId.get(input.fileId);
        return file ? [file] : [];
      }
      return isNamed(input) ? [input] : [];
    }),
  };
}
