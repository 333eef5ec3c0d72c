import { describe, expect, it } from 'vitest';
import { foldText, placeKey, placeKeyWithoutArticle } from './normalize';

describe('foldText', () => {
  it('lowercases, strips accents and collapses spaces', () => {
    expect(foldText('  La   Réunion ')).toBe('la reunion');
    expect(foldText('ÉCOLE Numérique\tÀ Çà')).toBe('ecole numerique a ca');
    expect(foldText('Cœur de Lœss')).toBe('coeur de loess');
  });
  it('keeps punctuation (search needs it as typed)', () => {
    expect(foldText("Côte-d'Or")).toBe("cote-d'or");
  });
  it('is idempotent', () => {
    const once = foldText('  Île-de-France  ');
    expect(foldText(once)).toBe(once);
  });
});

describe('placeKey', () => {
  it('treats hyphens, apostrophes and spaces alike', () => {
    expect(placeKey("Côte-d'Or")).toBe(placeKey('cote d or'));
    expect(placeKey('Côte d’Or')).toBe(placeKey("COTE-D'OR"));
  });
  it('spells out Saint/Sainte abbreviations', () => {
    expect(placeKey('St-Denis')).toBe('saint denis');
    expect(placeKey('Ste Marie')).toBe('sainte marie');
    expect(placeKey('St. Pierre')).toBe('saint pierre');
    expect(placeKey('Saint-Étienne')).toBe('saint etienne');
  });
  it('does not touch words that merely start with st', () => {
    expect(placeKey('Strasbourg')).toBe('strasbourg');
    expect(placeKey('Stella-Plage')).toBe('stella plage');
  });
  it('drops a leading article on request', () => {
    expect(placeKeyWithoutArticle('La Réunion')).toBe('reunion');
    expect(placeKeyWithoutArticle("L'Haÿ-les-Roses")).toBe('hay les roses');
    expect(placeKeyWithoutArticle('Lot')).toBe('lot');
  });
});
