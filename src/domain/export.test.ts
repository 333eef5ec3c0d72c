import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from './types';
import { wording } from '../i18n';
import {
  EXPORT_COLUMNS, etapesIcs, exportFileName, exportNotice, icsEscape, icsFold, innovationsCsv, innovationsGeoJson,
  type ExportContext,
} from './export';
import { INNOVATION_COLUMNS, type DepartementInfo, type EtapeFeature, type Innovation, type InnovationFeature } from './types';

const DEPARTEMENTS = new Map<string, DepartementInfo>([
  ['29', { code: '29', nom: 'Finistère', region: '53', region_nom: 'Bretagne', zone: 'metro' }],
  ['974', { code: '974', nom: 'La Réunion', region: '04', region_nom: 'La Réunion', zone: 'drom' }],
  ['43', { code: '43', nom: 'Haute-Loire', region: '84', region_nom: 'Auvergne-Rhône-Alpes', zone: 'metro' }],
]);
const VOCABULAIRES = {
  themes: [{ id: 'telesante', libelle: 'Santé et télésanté', couleur: '#D55E00' }, { id: 'ent', libelle: 'ENT', couleur: '#0072B2' }],
  secteurs: [{ id: 'sante', libelle: 'Santé', couleur: '#CC6677' }],
};

function innovation(p: Partial<Innovation> & { id: string }, display: [number, number] = [-60, 20]): InnovationFeature {
  const props: Innovation = {
    titre: `Projet ${p.id}`, description: '', themes: ['telesante'], secteurs: ['sante'], departement: '29', commune: 'Brest',
    porteur: '', annee: 2009, site_web: '', etape: '', latitude: 48.390394, longitude: -4.486076, position: 'exact', trophee: null, ...p,
  };
  // The display geometry is deliberately elsewhere (an inset): exports must never use it.
  return Object.freeze({ type: 'Feature', geometry: { type: 'Point', coordinates: display }, properties: Object.freeze(props) }) as InnovationFeature;
}

const INNOVATIONS = Object.freeze([
  innovation({ id: 'a', titre: 'Télémédecine; "pilote", Brest', description: 'Ligne 1\nLigne 2', themes: ['telesante', 'ent'] }),
  innovation({ id: 'b', titre: '=HYPERLINK("http://x","clic")', porteur: '+33 1 23', commune: '-Saint', description: '@SUM(A1)' }),
  innovation({ id: 'c', titre: '\tTab', porteur: '\rCR', description: '=1+1\nsuite', annee: null, departement: '974', latitude: -21.115141, longitude: 55.536384 }),
]);

const parse = (csv: string, delimiter: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, delimiter, skipEmptyLines: true });

describe('CSV export', () => {
  it('writes a laureate\'s trophy in the trophee column, as organisers write it', () => {
    const laureate = innovation({ id: 't', trophee: { annee: 2009, categorie: 'Santé en ligne' } });
    const { data } = parse(innovationsCsv([laureate, INNOVATIONS[0]!], DEPARTEMENTS), ';');
    expect(data.map((r) => r.trophee)).toEqual(['2009 – Santé en ligne', '']);
    expect(EXPORT_COLUMNS).toContain('trophee');
  });

  it('starts with a UTF-8 BOM and the source columns, then names', () => {
    const csv = innovationsCsv(INNOVATIONS, DEPARTEMENTS);
    expect(csv.startsWith('\uFEFFid;titre;')).toBe(true);
    expect(EXPORT_COLUMNS.slice(0, INNOVATION_COLUMNS.length)).toEqual([...INNOVATION_COLUMNS]);
    expect(parse(csv, ';').meta.fields).toEqual([...EXPORT_COLUMNS]);
  });

  it('parses back to every row with its values, quotes and line breaks intact', () => {
    const { data, errors } = parse(innovationsCsv(INNOVATIONS, DEPARTEMENTS), ';');
    expect(errors).toEqual([]);
    expect(data.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(data[0]).toMatchObject({
      titre: 'Télémédecine; "pilote", Brest', description: 'Ligne 1\nLigne 2', themes: 'telesante|ent', secteurs: 'sante',
      departement: '29', departement_nom: 'Finistère', region_nom: 'Bretagne', annee: '2009', position: 'exact',
    });
    expect(data[2]).toMatchObject({ annee: '', departement_nom: 'La Réunion', region_nom: 'La Réunion' });
  });

  it('gives theme and sector labels in their own columns, beside the ids, in the same order', () => {
    const rows = parse(innovationsCsv(INNOVATIONS, DEPARTEMENTS, ';', VOCABULAIRES), ';').data;
    expect(rows[0]).toMatchObject({ themes: 'telesante|ent', themes_libelles: 'Santé et télésanté | ENT', secteurs: 'sante', secteurs_libelles: 'Santé' });
    expect(parse(innovationsCsv(INNOVATIONS, DEPARTEMENTS, ',', VOCABULAIRES), ',').data[1]).toMatchObject({ themes_libelles: 'Santé et télésanté' });
    // An id no vocabulary knows stays readable as itself.
    const unknown = innovation({ id: 'd', themes: ['disparu'] });
    expect(parse(innovationsCsv([unknown], DEPARTEMENTS, ';', VOCABULAIRES), ';').data[0]).toMatchObject({ themes_libelles: 'disparu' });
  });

  it('writes real coordinates with a decimal comma in the ; variant and a point in the , variant', () => {
    const semi = parse(innovationsCsv(INNOVATIONS, DEPARTEMENTS, ';'), ';').data;
    expect(semi[2]).toMatchObject({ latitude: '-21,115141', longitude: '55,536384' });
    const comma = parse(innovationsCsv(INNOVATIONS, DEPARTEMENTS, ','), ',').data;
    expect(comma[2]).toMatchObject({ latitude: '-21.115141', longitude: '55.536384' });
    expect(comma[0]!.titre).toBe('Télémédecine; "pilote", Brest');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not negative numbers', () => {
    const rows = parse(innovationsCsv(INNOVATIONS, DEPARTEMENTS), ';').data;
    expect(rows[1]).toMatchObject({
      titre: `'=HYPERLINK("http://x","clic")`, porteur: "'+33 1 23", commune: "'-Saint", description: "'@SUM(A1)",
    });
    expect(rows[2]).toMatchObject({ titre: "'\tTab", porteur: "'\rCR", description: "'=1+1\nsuite" });
    expect(rows[0]!.longitude).toBe('-4,486076');
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (column === 'latitude' || column === 'longitude') continue;
        expect(value, `${row.id}.${column}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('ends lines with CRLF and writes only a header for no rows', () => {
    const csv = innovationsCsv([], DEPARTEMENTS);
    expect(csv).toBe(`\uFEFF${EXPORT_COLUMNS.join(';')}\r\n`);
  });

  it('does not mutate the innovations', () => {
    const before = JSON.stringify(INNOVATIONS);
    innovationsCsv(INNOVATIONS, DEPARTEMENTS);
    expect(JSON.stringify(INNOVATIONS)).toBe(before);
  });
});

const TODAY = new Date(2026, 10, 29, 10, 0, 0);
const ctx = (filters: Partial<Filters> = {}): ExportContext => ({
  filters: { ...EMPTY_FILTERS, ...filters }, vocabulaires: VOCABULAIRES, departements: DEPARTEMENTS,
  meta: { exemple: true, date_donnees: '2026-11-20', attributions: ['Contours : Natural Earth'] }, today: TODAY, w: wording('fr'),
});

describe('export file names', () => {
  it('say what the file holds and the date', () => {
    const c = ctx({ themes: ['telesante'] });
    expect(exportFileName('csv', c.filters, DEPARTEMENTS, TODAY)).toBe('innovations-telesante-2026-11-29.csv');
    expect(exportFileName('geojson', EMPTY_FILTERS, DEPARTEMENTS, TODAY)).toBe('innovations-2026-11-29.geojson');
    expect(exportFileName('notice', c.filters, DEPARTEMENTS, TODAY)).toBe('innovations-telesante-2026-11-29-notice.txt');
    expect(exportFileName('ics', { ...EMPTY_FILTERS, themes: ['ent'], texte: 'x' }, DEPARTEMENTS, TODAY))
      .toBe('etapes-route-des-territoires-ent-2026-11-29.ics');
  });

  it('name places, years and search words in plain ASCII, and stay short', () => {
    const name = exportFileName('csv', { ...EMPTY_FILTERS, region: '84', anneeMin: 2005, texte: 'Éco énergie' }, DEPARTEMENTS, TODAY);
    expect(name).toBe('innovations-auvergne-rhone-alpes-2005-apres-eco-energie-2026-11-29.csv');
    const long = exportFileName('csv', { ...EMPTY_FILTERS, texte: 'mot '.repeat(50) }, DEPARTEMENTS, TODAY);
    expect(long.length).toBeLessThan(100);
    expect(long).toMatch(/^innovations-(mot-)+mot-2026-11-29\.csv$/);
  });
});

describe('export notice and GeoJSON', () => {
  it('the notice states the count, the filters and the data date', () => {
    const notice = exportNotice(1234, ctx({ themes: ['telesante'], region: '53' }));
    expect(notice).toContain('Innovations exportées : 1\u202f234');
    expect(notice).toContain('Date des données : 2026-11-20');
    expect(notice).toContain('- Thème : Santé et télésanté');
    expect(notice).toContain('- Région : Bretagne');
    expect(notice).toContain("données d'exemple");
  });

  it('GeoJSON carries real coordinates, names and the export facts', () => {
    const gj = innovationsGeoJson(INNOVATIONS, ctx({ themes: ['telesante'] }));
    expect(gj.features.map((f) => f.geometry.coordinates)).toEqual([
      [-4.486076, 48.390394], [-4.486076, 48.390394], [55.536384, -21.115141],
    ]);
    expect(gj.features[2]!.properties).toMatchObject({ departement_nom: 'La Réunion', region_nom: 'La Réunion', id: 'c' });
    expect(gj.export).toMatchObject({ date_donnees: '2026-11-20', filtres: ['Thème : Santé et télésanté'] });
    expect(JSON.parse(JSON.stringify(gj)).features).toHaveLength(3);
  });
});

/** Reads an .ics back the way a calendar does: unfold, split properties, unescape. */
function readIcs(ics: string): { name: string; params: string; value: string }[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean).map((line) => {
    const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`ligne illisible : ${line}`);
    return { name: m[1]!, params: m[2]!, value: m[3]! };
  });
}
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('iCalendar export', () => {
  const etape = (id: string, date: string, commune: string, intitule: string): EtapeFeature => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [99, 99] },
    properties: { id, date, commune, departement: '43', intitule, themes: ['ent', 'telesante'], latitude: 45.043, longitude: 3.885, position: 'commune', edition: Number(date.slice(0, 4)) },
  });
  const ETAPES = Object.freeze([
    etape('e02', '2009-12-31', 'Laon', 'Court'),
    etape('e01', '2009-04-23', 'Le Puy-en-Velay', 'Les ENT, un outil; pour développer les contenus pédagogiques et favoriser la cohésion sociale\\ dans les territoires ruraux'),
  ]);
  const ics = etapesIcs(ETAPES, VOCABULAIRES, DEPARTEMENTS, new Date(Date.UTC(2026, 10, 29, 9, 5, 7)), wording('fr'));

  it('uses CRLF everywhere and no line longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('is one calendar of all-day events in date order, with UID and DTSTAMP', () => {
    const props = readIcs(ics);
    expect(props[0]).toEqual({ name: 'BEGIN', params: '', value: 'VCALENDAR' });
    expect(props.at(-1)).toEqual({ name: 'END', params: '', value: 'VCALENDAR' });
    expect(props.find((p) => p.name === 'VERSION')?.value).toBe('2.0');
    expect(props.find((p) => p.name === 'PRODID')).toBeDefined();
    const starts = props.filter((p) => p.name === 'DTSTART');
    expect(starts).toEqual([
      { name: 'DTSTART', params: ';VALUE=DATE', value: '20090423' },
      { name: 'DTSTART', params: ';VALUE=DATE', value: '20091231' },
    ]);
    expect(props.filter((p) => p.name === 'DTEND').map((p) => p.value)).toEqual(['20090424', '20100101']);
    expect(props.filter((p) => p.name === 'UID').map((p) => p.value)).toEqual([
      'etape-e01@route-des-territoires.cartographie-tic', 'etape-e02@route-des-territoires.cartographie-tic',
    ]);
    expect(props.filter((p) => p.name === 'DTSTAMP').every((p) => p.value === '20261129T090507Z')).toBe(true);
    expect(props.filter((p) => p.name === 'GEO')[0]!.value).toBe('45.043;3.885');
  });

  it('escapes text so it reads back exactly', () => {
    const props = readIcs(ics);
    const description = unescape(props.find((p) => p.name === 'DESCRIPTION')!.value);
    expect(description).toBe(`${ETAPES[1]!.properties.intitule}\nThèmes : ENT, Santé et télésanté`);
    expect(unescape(props.find((p) => p.name === 'LOCATION')!.value)).toBe('Le Puy-en-Velay (Haute-Loire)');
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(icsEscape('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = icsFold(line);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
