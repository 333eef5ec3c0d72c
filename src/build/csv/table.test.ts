import { describe, expect, it } from 'vitest';
import { readCsvTable } from './table';

const bytes = (s: string) => new TextEncoder().encode(s);
const COLUMNS = ['id', 'libelle', 'couleur'] as const;

describe('readCsvTable', () => {
  it('maps columns in any order, matching names without case or accents', () => {
    const { table, diagnostics } = readCsvTable(bytes('Couleur;ID;Libellé\n#112233;a;A'), 'v.csv', COLUMNS);
    expect(diagnostics).toEqual([]);
    expect(table?.index).toEqual({ couleur: 0, id: 1, libelle: 2 });
    expect(table?.delimiter).toBe(';');
    expect(table?.rows).toEqual([{ line: 2, cells: ['#112233', 'a', 'A'] }]);
  });

  it('names every missing column in an error on line 1', () => {
    const { table, diagnostics } = readCsvTable(bytes('id,libele\n1,a'), 'v.csv', COLUMNS);
    expect(table).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.line, d.column])).toEqual([[1, 3], [1, 3]]);
    expect(errors[0]?.message).toMatch(/colonne « libelle » manquante/u);
    expect(errors[1]?.message).toMatch(/colonne « couleur » manquante/u);
    expect(diagnostics.find((d) => d.severity === 'warning')?.message).toMatch(/« libele » inconnue/u);
  });

  it('rejects a duplicated column', () => {
    const { table, diagnostics } = readCsvTable(bytes('id,libelle,couleur,ID\n'), 'v.csv', COLUMNS);
    expect(table).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 1, column: 4, message: expect.stringMatching(/en double/u) }),
    ]);
  });

  it('rejects an empty file', () => {
    const { table, diagnostics } = readCsvTable(bytes(''), 'v.csv', COLUMNS);
    expect(table).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
  });
});
