import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Encodings the organisers' spreadsheets produce: UTF-8 (LibreOffice, recent Excel), Windows-1252
 * (Excel "CSV (;)"), UTF-16 with its byte order mark (Excel "Texte Unicode", tab-separated).
 */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** The file started with a byte order mark (removed from `text`). */
  bom: boolean;
}

export interface DetectedEncoding {
  encoding: CsvEncoding;
  bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Bytes at the end of `bytes` that start a UTF-8 sequence the next piece completes (0–3). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return 0;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return size > back ? back : 0;
  }
  return 0;
}

/**
 * The encoding of a file given as pieces (read once, nothing kept). Valid UTF-8 wins (a
 * Windows-1252 file with any accented letter is almost never valid UTF-8); anything else is
 * read as Windows-1252, whose every byte maps to a character, so decoding never fails.
 */
export async function detectEncoding(pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<DetectedEncoding> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  let bom = false;
  let valid = true;
  let carry = new Uint8Array(0);
  const check = (piece: Uint8Array) => {
    const bytes = concat(carry, piece);
    const tail = incompleteUtf8Tail(bytes);
    valid = isUtf8(bytes.subarray(0, bytes.length - tail));
    carry = bytes.slice(bytes.length - tail);
  };
  for await (const piece of pieces) {
    if (head === undefined) {
      if (valid) check(piece);
      continue;
    }
    // The byte order mark needs the first three bytes, whatever the size of the pieces.
    head = concat(head, piece);
    if (head.length < 3) continue;
    const start = head;
    head = undefined;
    if (start[0] === 0xff && start[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
    if (start[0] === 0xfe && start[1] === 0xff) return { encoding: 'utf-16be', bom: true };
    bom = UTF8_BOM.every((b, i) => start[i] === b);
    check(bom ? start.subarray(3) : start);
  }
  if (head !== undefined) {
    // A file shorter than three bytes.
    if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
    if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
    check(head);
  }
  return { encoding: valid && carry.length === 0 ? 'utf-8' : 'windows-1252', bom };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** The text of a file given as pieces, piece by piece, in a known encoding (BOM removed). */
export async function* decodePieces(pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, { encoding, bom }: DetectedEncoding): AsyncGenerator<string> {
  // A UTF-8 BOM is dropped even when the rest is not UTF-8 (a file edited by two tools).
  let skip = bom && (encoding === 'utf-8' || encoding === 'windows-1252') ? 3 : 0;
  // Node's TextDecoder maps 0x80–0x9F as Latin-1, losing €, œ, ’ …: iconv-lite has the real table.
  const decoder = encoding === 'windows-1252'
    ? iconv.getDecoder('win1252')
    : new TextDecoder(encoding, { ignoreBOM: encoding === 'utf-8' });
  for await (const piece of pieces) {
    let bytes = piece;
    if (skip > 0) {
      const dropped = Math.min(skip, bytes.length);
      bytes = bytes.subarray(dropped);
      skip -= dropped;
    }
    const text = decoder instanceof TextDecoder ? decoder.decode(bytes, { stream: true }) : decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (text !== '') yield text;
  }
  const rest = decoder instanceof TextDecoder ? decoder.decode() : (decoder.end() ?? '');
  if (rest !== '') yield rest;
}

/** Decode a whole CSV file's bytes (see detectEncoding). */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { text: new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes), encoding: utf16, bom: true };
  const bom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'win1252'), encoding: 'windows-1252', bom };
}
