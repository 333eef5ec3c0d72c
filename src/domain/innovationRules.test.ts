import { describe, expect, it } from 'vitest';
import { checkInnovationFields, parseCoordinates, VocabIndex, type FieldReport } from './innovationRules';

/** A report as a form keeps it: the cells typed, and the messages by field. */
function formReport(cells: Record<string, string>) {
  const messages: Record<string, string[]> = {};
  const report: FieldReport<string> = {
    cell: (column) => cells[column] ?? '',
    error: (column, message) => { (messages[column] ??= []).push(`erreur : ${message}`); },
    warning: (column, message) => { (messages[column] ??= []).push(`avertissement : ${message}`); },
  };
  return { report, messages };
}

const themes = new VocabIndex(Object.freeze([
  { id: 'ent', libelle: 'Espaces numériques de travail', couleur: '#000000' },
  { id: 'telesante', libelle: 'Santé et télésanté', couleur: '#111111' },
]), 'thème');
const secteurs = new VocabIndex([{ id: 'education', libelle: 'Éducation', couleur: '#222222' }], 'secteur');
const ctx = { themes, secteurs, etapes: new Map([['e01', 'e01']]) };

describe('innovation field rules', () => {
  it('give the values of a correct row', () => {
    const { report, messages } = formReport({
      titre: 'ENT rural', themes: 'ent|SANTE ET TELESANTE', secteurs: 'Education', annee: '2009', site_web: 'https://a.fr', etape: 'E01',
    });
    expect(checkInnovationFields(report, ctx)).toEqual({
      titre: 'ENT rural', themes: ['ent', 'telesante'], secteurs: ['education'], annee: 2009, site_web: 'https://a.fr', etape: 'e01', trophee: null,
    });
    expect(messages).toEqual({});
  });

  it('report each problem at its own field, with the data build\'s messages', () => {
    const { report, messages } = formReport({ titre: '', themes: 'robotique', secteurs: '', annee: '09', site_web: 'www.a.fr', etape: 'e99', trophee: 'oui' });
    checkInnovationFields(report, ctx);
    expect(messages).toEqual({
      titre: ['erreur : titre manquant : cette colonne doit être remplie'],
      themes: ['erreur : thème « robotique » inconnu : utilisez un id ou un libellé de themes.csv, séparés par |'],
      secteurs: ['erreur : secteur manquant : au moins un secteur, id ou libellé, plusieurs séparés par |'],
      annee: ['erreur : année « 09 » invalide : quatre chiffres attendus (ex. 2009)'],
      site_web: ['erreur : site_web « www.a.fr » sans protocole : écrivez https://www.a.fr'],
      etape: ['erreur : étape « e99 » inconnue : utilisez un id de etapes.csv'],
      trophee: [expect.stringMatching(/^erreur : trophée « oui » illisible/u)],
    });
  });

  it('read coordinates as both or neither, within the globe', () => {
    const read = (lat: string, lon: string) => {
      const { report, messages } = formReport({});
      return { result: parseCoordinates(report, lat, lon), messages };
    };
    expect(read('', '').result).toEqual({ kind: 'aucune' });
    expect(read('45,764', '4.8357').result).toEqual({ kind: 'point', latitude: 45.764, longitude: 4.8357 });
    expect(read('45,764', '').messages).toEqual({ longitude: ['erreur : longitude manquante : remplissez latitude et longitude, ou aucune des deux'] });
    expect(read('145', '4').messages.latitude?.[0]).toMatch(/impossibles ; latitude et longitude inversées \?$/u);
    expect(read('nord', '4').messages.latitude?.[0]).toMatch(/latitude « nord » illisible/u);
  });
});
