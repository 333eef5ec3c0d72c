import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Growable, RecordStore } from './recordStore';

const text = (i: number) => `{"id":"i${i}","titre":"Cœur numérique n° ${i} 𝄞"${'x'.repeat(i % 97)}}`;
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('RecordStore', () => {
  it('gives back every record, in any order, from memory and from its temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'record-store-'));
    try {
      const store = new RecordStore({ memoryBytes: 5 << 20, spillDir: dir });
      const n = 120_000;
      for (let i = 0; i < n; i += 1) expect(store.append(text(i))).toBe(i);
      // A record bigger than a block.
      const big = 'é'.repeat(3 << 20);
      const b = store.append(big);
      expect(store.count).toBe(n + 1);
      for (const i of [n - 1, 0, 77_777, 1, 50_000, n - 2]) expect(decode(store.read(i))).toBe(text(i));
      expect(decode(store.read(b))).toBe(big);
      // The temporary file was removed from its folder at once: nothing left even if killed.
      expect(readdirSync(dir)).toEqual([]);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives back pairs with one read, from memory and from the temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'record-store-'));
    try {
      const store = new RecordStore({ memoryBytes: 4 << 20, spillDir: dir });
      const n = 60_000;
      for (let i = 0; i < n; i += 1) expect(store.appendPair(text(i), `recherche ${i} é`)).toBe(2 * i);
      for (const i of [n - 1, 0, 31_234, 7]) {
        const [a, b] = store.readPair(2 * i);
        expect([decode(a), decode(b)]).toEqual([text(i), `recherche ${i} é`]);
      }
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps everything in memory without a folder for a temporary file', () => {
    const store = new RecordStore();
    for (let i = 0; i < 10; i += 1) store.append(text(i));
    expect(decode(store.read(3))).toBe(text(3));
    store.close();
  });
});

describe('Growable', () => {
  it('grows and keeps its values', () => {
    const g = new Growable((n) => new Uint32Array(n), 2);
    for (let i = 0; i < 1000; i += 1) g.push(i);
    const start = g.extend(3);
    expect(start).toBe(1000);
    expect(Array.from(g.view().subarray(998))).toEqual([998, 999, 0, 0, 0]);
  });
});
