import { ANSWER_FILE_TYPES, PHOTO_FILE_TYPES } from './file-types.js';

/** How many files, and how large, one message's attachments or one answer may carry. */
export interface FileLimits {
  /** The largest file, in bytes. Default 10 MB. */
  fileBytes: number;
  /** Files per message's attachments, per answer, per resolution. Default 20. */
  filesPerItem: number;
  /** All the files of one item together, in bytes. Default 100 MB. */
  itemBytes: number;
}

/** The file rules a deployment configures: limits and the type sets per field. */
export interface FileRules {
  limits: FileLimits;
  /** Types an answer's files may have (detected types). */
  answerTypes: readonly string[];
  /** Types an applicant's attachments may have (detected types). */
  photoTypes: readonly string[];
}

export const DEFAULT_FILE_LIMITS: Readonly<FileLimits> = Object.freeze({
  fileBytes: 10 * 1000 * 1000,
  filesPerItem: 20,
  itemBytes: 100 * 1000 * 1000,
});

export const DEFAULT_FILE_RULES: Readonly<FileRules> = Object.freeze({
  limits: DEFAULT_FILE_LIMITS,
  answerTypes: ANSWER_FILE_TYPES,
  photoTypes: PHOTO_FILE_TYPES,
});

/** File rules as configured: anything left out takes its default. */
export interface FileRulesInput {
  limits?: Partial<FileLimits>;
  answerTypes?: readonly string[];
  photoTypes?: readonly string[];
}

/** Rules with the defaults filled in where `partial` says nothing. */
export function fileRulesOf(partial: FileRulesInput | undefined): FileRules {
  return {
    limits: { ...DEFAULT_FILE_LIMITS, ...partial?.limits },
    answerTypes: partial?.answerTypes ?? ANSWER_FILE_TYPES,
    photoTypes: partial?.photoTypes ?? PHOTO_FILE_TYPES,
  };
}
