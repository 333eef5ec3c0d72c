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

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decode a CSV file's bytes. Valid UTF-8 wins (a Windows-1252 file with any accented letter is
 * almost never valid UTF-8); anything else is read as Windows-1252, whose every byte maps to a
 * character, so decoding never fails.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) return { text: new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes), encoding: utf16, bom: true };
  const bom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // fatal:true turns an invalid sequence into an exception instead of U+FFFD.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: 'utf-8', bom };
  } catch {
    // Node's TextDecoder maps 0x80–0x9F as Latin-1, losing €, œ, ’ …: iconv-lite has the real table.
    return { text: iconv.decode(body, 'win1252'), encoding: 'windows-1252', bom };
  }
}
