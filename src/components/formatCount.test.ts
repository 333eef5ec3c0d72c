import { describe, expect, it } from 'vitest';
import { formatCount } from './formatCount';

describe('formatCount', () => {
  it('uses the French singular for 0 and 1 and the plural from 2', () => {
    expect(formatCount(0)).toBe('0 innovation');
    expect(formatCount(1)).toBe('1 innovation');
    expect(formatCount(2)).toBe('2 innovations');
  });

  it('groups thousands the French way', () => {
    expect(formatCount(100_000)).toBe('100\u202f000 innovations');
    expect(formatCount(3, 'étape')).toBe('3 étapes');
  });
});
