import { describe, expect, it } from 'vitest';
import { CommuneIndex, communeNotFoundMessage, departementPhrase } from './communes';

describe('commune names', () => {
  const index = new CommuneIndex<string>();
  for (const name of ['Saint-Denis', 'Le Port', 'Saint-Denis']) index.add('974', name, name.toUpperCase());

  it('finds a name without case, accents, hyphens, St/Ste nor article, in its department only', () => {
    expect(index.find('974', 'st denis')).toBe('SAINT-DENIS');
    expect(index.find('974', 'Port')).toBe('LE PORT');
    expect(index.find('93', 'Saint-Denis')).toBeUndefined();
    expect(index.find('974', '  ')).toBeUndefined();
    expect(index.valuesOf('974')).toEqual(['SAINT-DENIS', 'LE PORT']);
  });

  it('words a commune not found as the data build warns about it', () => {
    expect(communeNotFoundMessage('Lugdunum', departementPhrase('Rhône', '69')))
      .toBe('commune « Lugdunum » introuvable (répertoire GeoNames) dans le département Rhône (69) : point placé au centre du département ; vérifiez l’orthographe ou ajoutez latitude et longitude');
  });
});
