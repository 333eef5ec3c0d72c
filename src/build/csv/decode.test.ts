import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsvBytes, decodePieces, detectEncoding } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeCsvBytes(utf8('id;libellé\n1;Santé'))).toEqual({ text: 'id;libellé\n1;Santé', encoding: 'utf-8', bom: false });
  });

  it('removes a UTF-8 BOM and says it was there', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id;titre')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'id;titre', encoding: 'utf-8', bom: true });
  });

  it('falls back to Windows-1252, including the 0x80–0x9F characters Latin-1 lacks', () => {
    const source = 'titre;porteur\nCœur numérique € ’80 ans’;Région Île-de-France';
    const bytes = iconv.encode(source, 'win1252');
    // Bytes are not valid UTF-8 (é alone is 0xE9).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toEqual({ text: source, encoding: 'windows-1252', bom: false });
  });

  it('reads UTF-16 with its byte order mark (Excel "Texte Unicode")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Array.from(iconv.encode('id\ttitré', 'utf16le'))]);
    expect(decodeCsvBytes(le)).toEqual({ text: 'id\ttitré', encoding: 'utf-16le', bom: true });
    const be = new Uint8Array([0xfe, 0xff, ...Array.from(iconv.encode('é', 'utf16-be'))]);
    expect(decodeCsvBytes(be)).toEqual({ text: 'é', encoding: 'utf-16be', bom: true });
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeCsvBytes(utf8('a,b')).encoding).toBe('utf-8');
  });

  it('does not mutate the input bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    const copy = bytes.slice();
    decodeCsvBytes(bytes);
    expect(bytes).toEqual(copy);
  });
});

/** The bytes cut into pieces of `size` bytes, as a file stream gives them. */
const pieces = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
async function decodeInPieces(bytes: Uint8Array, size: number) {
  const detected = await detectEncoding(pieces(bytes, size));
  let text = '';
  for await (const t of decodePieces(pieces(bytes, size), detected)) text += t;
  return { text, ...detected };
}

describe('detectEncoding and decodePieces (a file read as a stream)', () => {
  const samples: [string, Uint8Array][] = [
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id;titre\r\n1;Cœur € 𝄞 numérique’\r\n')])],
    ['UTF-8', utf8('a;b\né;ü;€')],
    ['Windows-1252', new Uint8Array(iconv.encode('titre;porteur\nCœur numérique € ’80 ans’;Île', 'win1252'))],
    ['Windows-1252 after a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...Array.from(iconv.encode('é;€', 'win1252'))])],
    ['UTF-16LE', new Uint8Array([0xff, 0xfe, ...Array.from(iconv.encode('id\ttitré 𝄞', 'utf16le'))])],
    ['UTF-8 cut inside a character at the end', new Uint8Array([...utf8('ab'), 0xe2, 0x82])],
    ['empty', new Uint8Array(0)],
  ];
  it('give what decodeCsvBytes gives on the whole file, whatever the cut', async () => {
    for (const [name, bytes] of samples) {
      const whole = decodeCsvBytes(bytes);
      for (const size of [1, 2, 3, 5, 64]) {
        expect(await decodeInPieces(bytes, size), `${name}, pieces of ${size}`).toEqual(whole);
      }
    }
  });
  it('tell UTF-8 from Windows-1252 even when the first invalid byte comes late', async () => {
    const late = new Uint8Array([...utf8(`${'a'.repeat(100_000)}é`), 0xe9]);
    expect((await detectEncoding(pieces(late, 4096))).encoding).toBe('windows-1252');
  });
});
