/**
 * Strings cut from a big string (V8 "sliced strings", which slice(), split() and regex matches
 * return) keep the whole big string alive. The data build reads files piece by piece; a cell kept
 * for the end of the build (an id, a sort key, a message quoting it) must not keep its piece of
 * text, or every piece of a 300 MB file would stay in memory.
 */
export function detach(s: string): string {
  // V8 copies strings shorter than 13 characters instead of slicing them.
  if (s.length < 13) return s;
  // Concatenating then slicing makes V8 flatten into a fresh string: the slice's parent is the copy.
  return ` ${s}`.slice(1);
}
