import {
  type FileRules,
  type FileRulesInput,
  type FileStore,
  fileRulesOf,
  uploadableTypes,
} from '@reshaem/core';

/** Files for the API: where their bytes live and what is accepted. */
export interface HttpFileOptions {
  /** The file store: `createSqlFileStore` (same database as the messages), S3, memory. */
  store: FileStore;
  /**
   * Limits per file and per item (message attachments, answer) and the allowed type sets;
   * defaults in `DEFAULT_FILE_RULES` (10 MB a file, 20 files and 100 MB an item; seed
   * 004's answer formats; JPEG, PNG and HEIC photos).
   */
  rules?: FileRulesInput;
  /** All files of one `POST /files` together, in bytes. Default 50 MB. */
  requestBytes?: number;
  /** Files in one `POST /files`. Default: the files per item (20). */
  filesPerRequest?: number;
}

/** The file options with every default filled in. */
export interface ResolvedFileOptions {
  store: FileStore;
  rules: FileRules;
  requestBytes: number;
  filesPerRequest: number;
  /** Every type some field accepts: what an upload may be at all. */
  uploadable: string[];
}

export const DEFAULT_UPLOAD_REQUEST_BYTES = 50 * 1000 * 1000;

const positiveInteger = (value: number, name: string) => {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer`);
  return value;
};

export function resolveFileOptions(
  options: HttpFileOptions | undefined,
): ResolvedFileOptions | undefined {
  if (!options) return undefined;
  const rules = fileRulesOf(options.rules);
  positiveInteger(rules.limits.fileBytes, 'files.rules.limits.fileBytes');
  positiveInteger(rules.limits.filesPerItem, 'files.rules.limits.filesPerItem');
  positiveInteger(rules.limits.itemBytes, 'files.rules.limits.itemBytes');
  return {
    store: options.store,
    rules,
    requestBytes: positiveInteger(
      options.requestBytes ?? DEFAULT_UPLOAD_REQUEST_BYTES,
      'files.requestBytes',
    ),
    filesPerRequest: positiveInteger(
      options.filesPerRequest ?? rules.limits.filesPerItem,
      'files.filesPerRequest',
    ),
    uploadable: uploadableTypes([rules.answerTypes, rules.photoTypes]),
  };
}
