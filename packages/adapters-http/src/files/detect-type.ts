import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes the type is judged by (zip-based formats name their parts there). */
export const SNIFF_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Plain text has no signature: bytes that decode as UTF-8 and hold no control characters
 * but tab, line feed, form feed and carriage return. A multi-byte character cut at the
 * end of the sniffed bytes is allowed when the file goes on.
 */
function isText(head: Uint8Array, complete: boolean): boolean {
  if (head.byteLength === 0) return false;
  for (const byte of head) {
    if (
      byte === 0x7f ||
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d)
    ) {
      return false;
    }
  }
  // Drop up to three bytes of a character the sniff window may have split.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      decoder.decode(head.subarray(0, head.byteLength - cut));
      return true;
    } catch {
      // try with one byte fewer
    }
  }
  return false;
}

/**
 * The media type of a file from its first bytes (`file-type`), `text/plain` for text, and
 * `application/octet-stream` when neither says anything. Never the name, never the
 * client's header.
 */
export async function detectType(head: Uint8Array, complete: boolean): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  return isText(head, complete) ? 'text/plain' : 'application/octet-stream';
}
