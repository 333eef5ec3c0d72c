/**
 * foldText (src/domain/normalize.ts) for the build's million titles and descriptions: the same
 * result, three to four times faster on French text. foldText runs Unicode normalisation (NFD) and
 * five regular expressions on any text with an accent, which made it the build's largest cost.
 *
 * Folding is character by character for the Latin alphabets and common punctuation (lower case,
 * accents dropped, œ → oe…) except for white space, which is collapsed and trimmed. So each such
 * character's fold is taken from foldText itself, once, into a table; a text with any other
 * character (another script, an emoji) goes to foldText. The tests compare both on arbitrary text.
 */
import { foldText } from '../domain/normalize';

/** Code units folded by the table: Latin-1, Latin Extended-A and -B, combining accents. */
const TABLE_END = 0x370;
/** Punctuation of French text outside that range. */
const EXTRA = '‐‑‒–—―‘’‚‛“”„‟†‡•…‰′″‹›€™';

const SPACE = -1;
/** Fold of each code unit below TABLE_END (SPACE for white space). */
const table: (string | typeof SPACE)[] = [];
const extra = new Map<number, string | typeof SPACE>();

function entry(ch: string): string | typeof SPACE {
  return /\s/u.test(ch) ? SPACE : foldText(ch);
}
for (let c = 0; c < TABLE_END; c += 1) table.push(entry(String.fromCharCode(c)));
for (const ch of EXTRA) extra.set(ch.charCodeAt(0), entry(ch));
// White space beyond the table (JavaScript's \s).
for (const c of [0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) {
  extra.set(c, SPACE);
}

/** Code units the table folds to themselves (most letters of lower-case text). */
const same = new Uint8Array(TABLE_END);
for (let c = 0; c < TABLE_END; c += 1) same[c] = table[c] === String.fromCharCode(c) ? 1 : 0;

/** foldText(s), faster. */
export function fastFold(s: string): string {
  let out = '';
  let space = false;
  // Characters that fold to themselves are copied by runs, not one by one.
  let run = -1;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < TABLE_END && same[c] === 1) {
      if (run === -1) {
        if (space && out !== '') out += ' ';
        space = false;
        run = i;
      }
      continue;
    }
    if (run !== -1) {
      out += s.slice(run, i);
      run = -1;
    }
    const folded = c < TABLE_END ? table[c] : extra.get(c);
    if (folded === undefined) return foldText(s);
    if (folded === SPACE) {
      space = true;
    } else if (folded !== '') {
      // Spaces collapse to one, and none at either end (foldText trims).
      if (space && out !== '') out += ' ';
      out += folded;
      space = false;
    }
  }
  return run === -1 ? out : out + s.slice(run);
}
