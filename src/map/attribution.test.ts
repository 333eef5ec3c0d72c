import { describe, expect, it } from 'vitest';
import { attributionStrings, escapeHtml } from './attribution';

describe('attributionStrings', () => {
  it('escapes markup so credits show as text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)"> & co')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co');
  });
  it('keeps one line per source, in order, without blanks or duplicates', () => {
    const input = Object.freeze(['© IGN', ' ', 'Natural Earth', '© IGN']);
    expect(attributionStrings(input)).toEqual(['© IGN', 'Natural Earth']);
  });
});
