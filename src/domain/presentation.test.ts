import { describe, expect, it } from 'vitest';
import {
  departementLabel, etapeAccessibleName, etapePlace, formatCoordinates, formatDate, formatNumber, localIsoDate, placementLabel, safeWebUrl,
  textColourOn, formatCount, tropheeBadge, tropheeLabel, vocabLabel,
} from './presentation';
import { loadLanguage, wording } from '../i18n';

// The English catalogue is a chunk of its own in the app: fetched once here.
await loadLanguage('en');

const FR = wording('fr');
const EN = wording('en');

describe('formatDate', () => {
  it('writes an ISO date the French way', () => {
    expect(formatDate('2009-05-28')).toBe('28 mai 2009');
    expect(formatDate('2009-08-26')).toBe('26 août 2009');
  });
  it('writes the first of the month as "1er"', () => {
    expect(formatDate('2009-07-01')).toBe('1er juillet 2009');
  });
  it('writes it the English way in English, with no "1er"', () => {
    expect(formatDate('2009-07-01', 'en')).toBe('1 July 2009');
    expect(formatDate('2009-05-28', 'en')).toBe('28 May 2009');
  });
  it('returns text that is not an ISO date unchanged', () => {
    expect(formatDate('28/05/2009')).toBe('28/05/2009');
    expect(formatDate('2009-13-01')).toBe('2009-13-01');
    expect(formatDate('2009-02-30')).toBe('2009-02-30');
  });
});

describe('localIsoDate', () => {
  it('gives the date where the user is, not in UTC (print and exports agree between midnight and 2 am)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Paris';
    try {
      const halfPastMidnight = new Date('2026-11-29T23:30:00Z');
      // Still the 29th in UTC: a UTC date would be a day off for a user in France.
      expect(halfPastMidnight.toISOString().slice(0, 10)).toBe('2026-11-29');
      expect(localIsoDate(halfPastMidnight)).toBe('2026-11-30');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('departementLabel', () => {
  it('writes the name and the code, or the bare code when unknown', () => {
    const departements = new Map([['02', { code: '02', nom: 'Aisne', region: '32', region_nom: 'Hauts-de-France', zone: 'metro' as const }]]);
    expect(departementLabel('02', departements)).toBe('Aisne (02)');
    expect(departementLabel('99', departements)).toBe('99');
  });
});

describe('stop names', () => {
  it('names a stop by its rank, date, commune and department', () => {
    expect(etapeAccessibleName({ date: '2009-05-28', commune: 'Laon' }, 'Aisne', 4, FR)).toBe('Étape 4 du 28 mai 2009 — Laon (Aisne)');
  });
  it('uses the department name alone when the stop has no commune', () => {
    expect(etapePlace({ commune: '' }, 'Oise')).toBe('Oise');
    expect(etapeAccessibleName({ date: '2009-06-23', commune: '' }, 'Oise', 9, FR)).toBe('Étape 9 du 23 juin 2009 — Oise');
    expect(etapeAccessibleName({ date: '2009-06-23', commune: 'Laon' }, 'Aisne', 9, EN)).toBe('Stop 9 on 23 June 2009 — Laon (Aisne)');
  });
});

describe('placementLabel', () => {
  it('has a distinct French sentence for each placement', () => {
    const labels = (['exact', 'commune', 'departement'] as const).map((p) => placementLabel(p, FR));
    expect(new Set(labels).size).toBe(3);
    expect(placementLabel('departement', FR)).toMatch(/approximative/);
    expect(placementLabel('departement', EN)).toMatch(/approximate/);
  });
});

describe('formatCoordinates', () => {
  it('uses a decimal comma and cardinal letters', () => {
    expect(formatCoordinates(3.624, 49.564, FR)).toBe('49,5640° N, 3,6240° E');
    expect(formatCoordinates(55.45, -21.1151, FR)).toBe('21,1151° S, 55,4500° E');
    expect(formatCoordinates(-61.5, 16.25, FR)).toBe('16,2500° N, 61,5000° O');
  });
  it('uses a decimal point and W for west in English', () => {
    expect(formatCoordinates(-61.5, 16.25, EN)).toBe('16.2500° N, 61.5000° W');
  });
});

describe('safeWebUrl', () => {
  it('keeps http and https addresses', () => {
    expect(safeWebUrl('https://example.org/projet')).toBe('https://example.org/projet');
    expect(safeWebUrl('http://example.org')).toBe('http://example.org/');
  });
  it('refuses other schemes and malformed text', () => {
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeWebUrl('www.example.org')).toBeNull();
    expect(safeWebUrl('')).toBeNull();
  });
});

describe('formatCount', () => {
  it('uses the French singular for 0 and 1 and the plural from 2 (Intl.PluralRules)', () => {
    expect(formatCount(0, FR)).toBe('0 innovation');
    expect(formatCount(1, FR)).toBe('1 innovation');
    expect(formatCount(2, FR)).toBe('2 innovations');
    expect(formatCount(1, FR, 'etape')).toBe('1 étape');
  });

  it('groups thousands the French way', () => {
    expect(formatCount(100_000, FR)).toBe('100\u202f000 innovations');
    expect(formatCount(1_000_000, FR)).toBe('1\u202f000\u202f000 innovations');
    expect(formatCount(3, FR, 'etape')).toBe('3 étapes');
    expect(formatNumber(1234, 'fr')).toBe('1\u202f234');
  });

  it('uses the English plural from 0, and a comma between thousands, in English', () => {
    expect(formatCount(0, EN)).toBe('0 innovations');
    expect(formatCount(1, EN)).toBe('1 innovation');
    expect(formatCount(1234, EN)).toBe('1,234 innovations');
    expect(formatCount(1, EN, 'etape')).toBe('1 stop');
    expect(formatCount(12, EN, 'etape')).toBe('12 stops');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});

describe('vocabLabel', () => {
  it('gives the English label in English, the French one otherwise or when there is none', () => {
    const entry = { libelle: 'Santé et télésanté', libelle_en: 'Health and telehealth' };
    expect(vocabLabel(entry, 'en')).toBe('Health and telehealth');
    expect(vocabLabel(entry, 'fr')).toBe('Santé et télésanté');
    expect(vocabLabel({ libelle: 'Tourisme' }, 'en')).toBe('Tourisme');
    expect(vocabLabel({ libelle: 'Tourisme', libelle_en: '' }, 'en')).toBe('Tourisme');
  });
});

describe('textColourOn', () => {
  it('writes black on light colours and white on dark ones', () => {
    expect(textColourOn('#fff1b8')).toBe('#000000');
    expect(textColourOn('#ffffff')).toBe('#000000');
    expect(textColourOn('#332288')).toBe('#ffffff');
    expect(textColourOn('#000000')).toBe('#ffffff');
  });
  it('falls back to black for a malformed colour', () => {
    expect(textColourOn('rouge')).toBe('#000000');
  });
});

describe('trophies', () => {
  it('name the distinction in full, and briefly for a badge', () => {
    expect(tropheeLabel({ annee: 2009, categorie: 'Santé en ligne' }, FR)).toBe('Lauréat des Trophées de l’Innovation Territoriale 2009 — Santé en ligne');
    expect(tropheeLabel({ annee: 2010, categorie: '' }, FR)).toBe('Lauréat des Trophées de l’Innovation Territoriale 2010');
    expect(tropheeBadge({ annee: 2009, categorie: 'x' }, FR)).toBe('Lauréat 2009');
    expect(tropheeBadge({ annee: 2009, categorie: 'x' }, EN)).toBe('Winner 2009');
  });
});
