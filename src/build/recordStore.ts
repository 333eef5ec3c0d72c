/**
 * Many small texts (one per innovation) kept as UTF-8 bytes, appended in file order and read back
 * in any order. Up to a memory budget they stay in memory; beyond it, in a temporary file. A
 * million innovations hold about 650 MB of JSON and search text: as JavaScript strings and objects
 * that would be several times more, and more than the build may use.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Grows a typed array by doubling; `view()` gives the filled part. */
export class Growable<A extends Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array> {
  private array: A;
  length = 0;
  constructor(private readonly make: (n: number) => A, capacity = 1024) {
    this.array = make(capacity);
  }
  push(value: number): void {
    if (this.length === this.array.length) this.grow(this.length + 1);
    this.array[this.length++] = value;
  }
  /** Makes room for `n` more values (zeroed) and returns the index of the first. */
  extend(n: number): number {
    if (this.length + n > this.array.length) this.grow(this.length + n);
    const start = this.length;
    this.length += n;
    return start;
  }
  get data(): A {
    return this.array;
  }
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }
  private grow(min: number): void {
    const next = this.make(Math.max(min, this.array.length * 2));
    next.set(this.array);
    this.array = next;
  }
}

export interface RecordStoreOptions {
  /** Bytes kept in memory before blocks go to a temporary file (default: no limit). */
  memoryBytes?: number;
  /** Folder for that temporary file (default: none, everything stays in memory). */
  spillDir?: string;
}

const BLOCK_BYTES = 4 << 20;

export class RecordStore {
  /** Filled blocks still in memory (undefined once written to the file). */
  private readonly blocks: (Buffer | undefined)[] = [];
  /** Where each block written to the file starts in it. */
  private readonly blockPositions: number[] = [];
  private current = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  private readonly blockOf = new Growable((n) => new Uint32Array(n));
  private readonly startOf = new Growable((n) => new Uint32Array(n));
  private readonly lengthOf = new Growable((n) => new Uint32Array(n));
  private inMemory = 0;
  private file: { fd: number; size: number; dir: string; path: string } | undefined;
  private scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly options: RecordStoreOptions = {}) {}

  get count(): number {
    return this.lengthOf.length;
  }

  /** Stores `text` as UTF-8; returns its index. */
  append(text: string): number {
    // A UTF-16 unit takes at most 3 UTF-8 bytes: measure the text only when it may not fit.
    if (this.used + text.length * 3 > this.current.length) {
      const needed = Buffer.byteLength(text);
      if (this.used + needed > this.current.length) this.nextBlock(needed);
    }
    const bytes = this.current.write(text, this.used);
    this.blockOf.push(this.blocks.length);
    this.startOf.push(this.used);
    this.lengthOf.push(bytes);
    this.used += bytes;
    return this.lengthOf.length - 1;
  }

  /**
   * Stores two texts side by side (one read gets both back: see readPair); returns the index of
   * the first, the second is the next.
   */
  appendPair(a: string, b: string): number {
    // Both in the same block: make room for the two at once.
    if (this.used + (a.length + b.length) * 3 > this.current.length) {
      const needed = Buffer.byteLength(a) + Buffer.byteLength(b);
      if (this.used + needed > this.current.length) this.nextBlock(needed);
    }
    const first = this.append(a);
    this.append(b);
    return first;
  }

  /** Records `i` and `i + 1` stored by appendPair, read at once: views valid until the next call. */
  readPair(i: number): [Uint8Array, Uint8Array] {
    const firstLength = this.lengthOf.data[i] as number;
    const both = this.readSpan(i, (this.startOf.data[i + 1] as number) - (this.startOf.data[i] as number) + (this.lengthOf.data[i + 1] as number));
    const gap = (this.startOf.data[i + 1] as number) - (this.startOf.data[i] as number);
    return [both.subarray(0, firstLength), both.subarray(gap)];
  }

  /** Bytes of record `i`: a view valid until the next call. */
  read(i: number): Uint8Array {
    return this.readSpan(i, this.lengthOf.data[i] as number);
  }

  /** `length` bytes from the start of record `i` (same block). */
  private readSpan(i: number, length: number): Uint8Array {
    const block = this.blockOf.data[i] as number;
    const start = this.startOf.data[i] as number;
    const inMemory = block === this.blocks.length ? this.current : this.blocks[block];
    if (inMemory) return inMemory.subarray(start, start + length);
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafe(length * 2);
    const file = this.file as NonNullable<RecordStore['file']>;
    let done = 0;
    while (done < length) {
      const n = readSync(file.fd, this.scratch, done, length - done, (this.blockPositions[block] as number) + start + done);
      if (n === 0) throw new Error(`fichier temporaire ${file.path} tronqué`);
      done += n;
    }
    return this.scratch.subarray(0, length);
  }

  /** Frees the memory and removes the temporary file. */
  close(): void {
    this.blocks.length = 0;
    if (!this.file) return;
    closeSync(this.file.fd);
    if (this.file.dir !== '') rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private nextBlock(needed: number): void {
    const filled = this.current.subarray(0, this.used);
    const budget = this.options.memoryBytes ?? Infinity;
    if (this.options.spillDir !== undefined && this.inMemory + filled.length > budget) {
      this.blocks.push(undefined);
      this.blockPositions[this.blocks.length - 1] = this.spill(filled);
    } else {
      this.blocks.push(filled);
      this.inMemory += filled.length;
    }
    // A record longer than a block gets a block of its own size.
    this.current = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, needed));
    this.used = 0;
  }

  /** Appends a block to the temporary file; returns where it starts. */
  private spill(bytes: Buffer): number {
    if (!this.file) {
      const dir = mkdtempSync(path.join(this.options.spillDir as string, 'carto-innovations-'));
      const file = path.join(dir, 'lignes.bin');
      const fd = openSync(file, 'w+', 0o600);
      this.file = { fd, size: 0, dir, path: file };
      // Removed from the folder at once where the system allows it: the space is freed when the
      // process ends, even when it is killed.
      try {
        unlinkSync(file);
        rmSync(dir, { recursive: true, force: true });
        this.file.dir = '';
      } catch {
        // Windows: removed by close().
      }
    }
    const position = this.file.size;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.file.fd, bytes, done, bytes.length - done, position + done);
    this.file.size += bytes.length;
    return position;
  }
}
