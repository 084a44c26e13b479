/**
 * Media types as the `file-type` package names what it detects, and `text/plain` for text
 * it does not (a text file has no signature). Sets are matched by detected type: a JPEG
 * named `.jpg` is a JPEG.
 */

/**
 * Seed 004's answer formats: .txt .odt .ods .odp .odf .xls .xlsx .ppt .pptx .doc .docx
 * .rtf .pdf .jpeg. The legacy binary Office formats (.doc, .xls, .ppt) share one container
 * (OLE compound file), which detection reports as `application/x-cfb`.
 */
export const ANSWER_FILE_TYPES = [
  'text/plain',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.formula',
  'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/rtf',
  'application/pdf',
  'image/jpeg',
] as const;

/** Applicants' photos: JPEG, PNG and HEIC (iPhones write HEIC as `heic` or `mif1`). */
export const PHOTO_FILE_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif'] as const;

/** Every type some field accepts: what an upload may be at all. */
export const uploadableTypes = (sets: readonly (readonly string[])[]): string[] => [
  ...new Set(sets.flat()),
];
