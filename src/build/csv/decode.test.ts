import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsvBytes } from './decode';

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
