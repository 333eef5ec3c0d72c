import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvText, unprotectFormula } from './parse';

describe('detectDelimiter', () => {
  it('picks ; for French spreadsheet exports', () => {
    expect(detectDelimiter('id;titre;description\n1;"a, b, c, d";x')).toBe(';');
  });
  it('picks , for comma files even when later lines hold semicolons', () => {
    expect(detectDelimiter('id,titre\n1,"a;b;c;d;e"')).toBe(',');
  });
  it('ignores separators inside a quoted header cell', () => {
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
  });
  it('picks tabs for tab-separated text', () => {
    expect(detectDelimiter('id\ttitre\tdescription\n1\ta, b; c\td')).toBe('\t');
  });
  it('defaults to , for a single-column file', () => {
    expect(detectDelimiter('id\n1')).toBe(',');
  });
});

describe('parseCsvText', () => {
  it('trims cells and numbers lines from the header (line 1)', () => {
    const parsed = parseCsvText('id ; titre\n 1 ;  Un \n2;Deux', 'f.csv');
    expect(parsed.header).toEqual(['id', 'titre']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['1', 'Un'] },
      { line: 3, cells: ['2', 'Deux'] },
    ]);
  });

  it('counts quoted line breaks (CRLF and LF) in later line numbers', () => {
    const text = 'id;description\r\n1;"ligne a\r\nligne b\r\nligne c"\r\n2;"x\ny"\r\n3;z\r\n';
    const parsed = parseCsvText(text, 'f.csv');
    expect(parsed.rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [2, 'ligne a\r\nligne b\r\nligne c'],
      [5, 'x\ny'],
      [7, 'z'],
    ]);
  });

  it('keeps separators inside quotes and unescapes doubled quotes', () => {
    const parsed = parseCsvText('a,b\n"x, y","dit ""oui"""', 'f.csv');
    expect(parsed.rows[0]?.cells).toEqual(['x, y', 'dit "oui"']);
  });

  it('skips blank and separator-only lines but still counts them', () => {
    const parsed = parseCsvText('a;b\n\n1;2\n;;\n   \n3;4\n;\n', 'f.csv');
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('skips blank lines before the header', () => {
    const parsed = parseCsvText('\n\na;b\n1;2', 'f.csv');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.rows[0]?.line).toBe(4);
  });

  it('flags a row with too many fields at the first extra column', () => {
    const parsed = parseCsvText('a;b\n1;2;3\n4;5', 'f.csv');
    expect(parsed.rows[0]?.problem).toMatchObject({ severity: 'error', file: 'f.csv', line: 2, column: 3 });
    expect(parsed.rows[0]?.problem?.message).toMatch(/3 champs au lieu de 2/u);
    expect(parsed.rows[1]?.problem).toBeUndefined();
  });

  it('accepts trailing empty cells spreadsheets add', () => {
    const parsed = parseCsvText('a;b\n1;2;;\n', 'f.csv');
    expect(parsed.rows[0]?.problem).toBeUndefined();
  });

  it('flags a row with too few fields at the first missing column', () => {
    const parsed = parseCsvText('a;b;c\n1;2', 'f.csv');
    expect(parsed.rows[0]?.problem).toMatchObject({ line: 2, column: 3 });
  });

  it('flags an unclosed quote where it opens and reads the rows after it, with or without a final line break', () => {
    for (const text of ['a;b\n1;2\n3;"oups\n4;5', 'a;b\n1;2\n3;"oups\n4;5\n', 'a;b\r\n1;2\r\n3;"oups\r\n4;5\r\n']) {
      const parsed = parseCsvText(text, 'f.csv');
      expect(parsed.rows.map((r) => [r.line, r.cells[0], r.problem?.line, r.problem?.column])).toEqual([
        [2, '1', undefined, undefined],
        [3, '3', 3, 2],
        [4, '4', undefined, undefined],
      ]);
      expect(parsed.rows[1]?.problem?.message).toMatch(/^guillemet ouvrant sans guillemet fermant/u);
    }
  });

  it('flags an unclosed quote on the last line, with or without a final line break', () => {
    for (const text of ['a;b\n1;2\n3;"oups', 'a;b\n1;2\n3;"oups\n', 'a;b\n"1;2']) {
      const parsed = parseCsvText(text, 'f.csv');
      const last = parsed.rows.at(-1);
      expect(last?.problem).toMatchObject({ severity: 'error', file: 'f.csv' });
      expect([last?.problem?.line, last?.problem?.column]).toEqual(text.startsWith('a;b\n"') ? [2, 1] : [3, 2]);
    }
  });

  it('reads again the rows a stray quote swallowed up to a later cell\'s quote', () => {
    const text = 'a;b;c\n1;"oups;x\n2;y;z\n3;"fin";w\n4;u;v\n';
    const parsed = parseCsvText(text, 'f.csv');
    expect(parsed.rows.map((r) => [r.line, r.cells.join('|'), r.problem ? `${r.problem.line}:${r.problem.column}` : ''])).toEqual([
      [2, expect.stringMatching(/^1\|oups/u), '2:2'],
      [3, '2|y|z', ''],
      [4, '3|fin|w', ''],
      [5, '4|u|v', ''],
    ]);
    expect(parsed.rows[0]?.problem?.message).toMatch(/^guillemet ouvert ici et refermé seulement ligne 4 : /u);
  });

  it('keeps a quoted cell over several lines when the row is right', () => {
    const parsed = parseCsvText('a;b\n1;"deux\nlignes"\n2;x\n', 'f.csv');
    expect(parsed.rows.map((r) => [r.line, r.cells[1], r.problem])).toEqual([[2, 'deux\nlignes', undefined], [4, 'x', undefined]]);
  });

  it('names the line of the opening quote when the row started lines before it', () => {
    const parsed = parseCsvText('a;b;c\n1;"deux\nlignes";"oups\n4;5;6\n', 'f.csv');
    expect(parsed.rows[0]).toMatchObject({ line: 2, problem: { line: 3, column: 3 } });
    expect(parsed.rows[1]).toMatchObject({ line: 4, cells: ['4', '5', '6'] });
    expect(parsed.rows[1]?.problem).toBeUndefined();
  });

  it('returns no header and no rows for an empty text', () => {
    expect(parseCsvText('', 'f.csv')).toEqual({ delimiter: ',', header: [], rows: [] });
  });
});

describe('unprotectFormula (cells of an app export)', () => {
  it('removes the apostrophe the export puts before = + - @ and tab, nothing else', () => {
    expect(['\'=SOMME(A1)', "'+33 1 23", "'-2+3", "'@moi", "'\tx"].map(unprotectFormula)).toEqual(['=SOMME(A1)', '+33 1 23', '-2+3', '@moi', 'x']);
    expect(["'Allo", "'-1,55", "'+33", "'", "''=x", 'l\'=x', '=x'].map(unprotectFormula)).toEqual(["'Allo", "'-1,55", "'+33", "'", "''=x", 'l\'=x', '=x']);
  });
  it('applies to data rows, not to the header', () => {
    const parsed = parseCsvText("'=a;b\n'=x;'Allo\n", 'f.csv');
    expect(parsed.header).toEqual(["'=a", 'b']);
    expect(parsed.rows[0]?.cells).toEqual(['=x', "'Allo"]);
  });
});
