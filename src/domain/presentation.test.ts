import { describe, expect, it } from 'vitest';
import {
  departementLabel, etapeAccessibleName, etapePlace, formatCoordinates, formatDateFr, localIsoDate, placementLabel, safeWebUrl,
  textColourOn, formatCount, tropheeBadge, tropheeLabel,
} from './presentation';

describe('formatDateFr', () => {
  it('writes an ISO date the French way', () => {
    expect(formatDateFr('2009-05-28')).toBe('28 mai 2009');
    expect(formatDateFr('2009-08-26')).toBe('26 août 2009');
  });
  it('writes the first of the month as "1er"', () => {
    expect(formatDateFr('2009-07-01')).toBe('1er juillet 2009');
  });
  it('returns text that is not an ISO date unchanged', () => {
    expect(formatDateFr('28/05/2009')).toBe('28/05/2009');
    expect(formatDateFr('2009-13-01')).toBe('2009-13-01');
    expect(formatDateFr('2009-02-30')).toBe('2009-02-30');
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
    expect(etapeAccessibleName({ date: '2009-05-28', commune: 'Laon' }, 'Aisne', 4)).toBe('Étape 4 du 28 mai 2009 — Laon (Aisne)');
  });
  it('uses the department name alone when the stop has no commune', () => {
    expect(etapePlace({ commune: '' }, 'Oise')).toBe('Oise');
    expect(etapeAccessibleName({ date: '2009-06-23', commune: '' }, 'Oise', 9)).toBe('Étape 9 du 23 juin 2009 — Oise');
  });
});

describe('placementLabel', () => {
  it('has a distinct French sentence for each placement', () => {
    const labels = (['exact', 'commune', 'departement'] as const).map(placementLabel);
    expect(new Set(labels).size).toBe(3);
    expect(placementLabel('departement')).toMatch(/approximative/);
  });
});

describe('formatCoordinates', () => {
  it('uses a decimal comma and cardinal letters', () => {
    expect(formatCoordinates(3.624, 49.564)).toBe('49,5640° N, 3,6240° E');
    expect(formatCoordinates(55.45, -21.1151)).toBe('21,1151° S, 55,4500° E');
    expect(formatCoordinates(-61.5, 16.25)).toBe('16,2500° N, 61,5000° O');
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
  it('uses the French singular for 0 and 1 and the plural from 2', () => {
    expect(formatCount(0)).toBe('0 innovation');
    expect(formatCount(1)).toBe('1 innovation');
    expect(formatCount(2)).toBe('2 innovations');
  });

  it('groups thousands the French way', () => {
    expect(formatCount(100_000)).toBe('100\u202f000 innovations');
    expect(formatCount(3, 'étape')).toBe('3 étapes');
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
    expect(tropheeLabel({ annee: 2009, categorie: 'Santé en ligne' })).toBe('Lauréat des Trophées de l’Innovation Territoriale 2009 — Santé en ligne');
    expect(tropheeLabel({ annee: 2010, categorie: '' })).toBe('Lauréat des Trophées de l’Innovation Territoriale 2010');
    expect(tropheeBadge({ annee: 2009, categorie: 'x' })).toBe('Lauréat 2009');
  });
});
