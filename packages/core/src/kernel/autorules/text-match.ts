/**
 * Russian-aware text comparison for autorules: case-insensitive, «ё» read as «е», Unicode
 * normalised (a «й» typed as «и» + combining breve is still «й»).
 *
 * @example
 * foldRu('Ёлка у ДОМА'); // 'елка у дома'
 */
export function foldRu(text: string): string {
  return text.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
}

/**
 * The folded words of a text: runs of letters and digits. Punctuation, hyphens and spaces
 * separate words, so «Петропавловск-Камчатский» is two words, as is the term that names it.
 *
 * @example
 * wordsOf('Яма, у дома №5!'); // ['яма', 'у', 'дома', '5']
 */
export function wordsOf(text: string): string[] {
  return foldRu(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Does the text contain the term? Each word of the term is a stem that must begin a word of
 * the text, and a term of several words matches consecutive words. So «ям» finds «яма» and
 * «ямы» but not «пижама», and «детск площадк» finds «у детской площадки». Both arguments are
 * {@link wordsOf} results; an empty term matches nothing.
 *
 * @example
 * containsStems(wordsOf('Яма у детской площадки'), wordsOf('детск площадк')); // true
 */
export function containsStems(text: readonly string[], term: readonly string[]): boolean {
  if (term.length === 0) return false;
  for (let i = 0; i + term.length <= text.length; i += 1) {
    let all = true;
    for (let j = 0; j < term.length; j += 1) {
      if (!(text[i + j] ?? '').startsWith(term[j] ?? '')) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}
