import { describe, expect, it } from 'vitest';
import {
  checkProposition, EMPTY_PROPOSITION, isProvisionalId, propositionCsv, propositionFileName, propositionKey, propositionMailto,
  provisionalId, type PropositionContext,
} from './propositions';
import { VocabIndex } from './innovationRules';
import { departementResolver } from './departementCodes';
import { CommuneIndex } from './communes';
import type { PropositionFields } from './types';

const communes = new CommuneIndex<string>();
communes.add('43', 'Le Puy-en-Velay', 'Le Puy-en-Velay');
const ctx: PropositionContext = {
  themes: new VocabIndex([{ id: 'ent', libelle: 'ENT', couleur: '#000000' }], 'thème'),
  secteurs: new VocabIndex([{ id: 'education', libelle: 'Éducation', couleur: '#000000' }], 'secteur'),
  etapes: new Map([['e01', 'e01']]),
  departements: departementResolver([{ code: '43', nom: 'Haute-Loire' }, { code: '69', nom: 'Rhône' }]),
  communes,
};
const fields = (patch: Partial<PropositionFields>): PropositionFields => Object.freeze({
  ...EMPTY_PROPOSITION, titre: 'ENT rural', themes: 'ent', secteurs: 'education', departement: '43', commune: 'le puy en velay',
  contact: 'elu@mairie.fr', ...patch,
});

describe('checkProposition', () => {
  it('accepts a complete proposition', () => {
    expect(checkProposition(fields({}), ctx)).toEqual({ errors: {}, warnings: {}, ok: true });
  });

  it('gives every problem at its field at once, with the data build\'s messages', () => {
    const check = checkProposition(fields({ titre: ' ', themes: '', annee: 'deux mille', departement: '', latitude: '45', contact: '' }), ctx);
    expect(check.ok).toBe(false);
    expect(check.errors).toEqual({
      titre: ['titre manquant : cette colonne doit être remplie'],
      themes: ['thème manquant : au moins un thème, id ou libellé, plusieurs séparés par |'],
      annee: ['année « deux mille » invalide : quatre chiffres attendus (ex. 2009)'],
      departement: ['département manquant : indiquez son numéro (ex. 69) ou son nom'],
      longitude: ['longitude manquante : remplissez latitude et longitude, ou aucune des deux'],
      contact: ['adresse électronique manquante : les organisateurs en ont besoin pour vous répondre (elle ne sera pas publiée)'],
    });
  });

  it('warns, as the build would, when the commune is unknown or missing', () => {
    expect(checkProposition(fields({ commune: 'Lugdunum' }), ctx).warnings.commune?.[0]).toMatch(/^commune « Lugdunum » introuvable .* dans le département Haute-Loire \(43\)/u);
    expect(checkProposition(fields({ commune: '' }), ctx).warnings.commune?.[0]).toMatch(/^ni coordonnées ni commune : point placé au centre du département Haute-Loire \(43\)/u);
    expect(checkProposition(fields({ commune: 'Lugdunum', latitude: '45', longitude: '3,9' }), ctx)).toMatchObject({ ok: true, warnings: {} });
    expect(checkProposition(fields({ commune: 'Lugdunum' }), { ...ctx, communes: null }).warnings).toEqual({});
  });
});

describe('proposition file', () => {
  it('is named after its department and title', () => {
    expect(propositionFileName('2A', 'Télé-santé : « Allô docteur » !')).toBe('proposition-2a-tele-sante-allo-docteur.csv');
    expect(propositionFileName('', '')).toBe('proposition-departement-sans-titre.csv');
    expect(propositionFileName('43', 'x'.repeat(30) + ' ' + 'y'.repeat(30))).toBe(`proposition-43-${'x'.repeat(30)}.csv`);
  });

  it('holds the header and one row in the organisers\' format, its contact last', () => {
    const csv = propositionCsv(fields({ description: 'Ligne 1\nLigne 2 ; "citée"', titre: '@Portail' }), 'proposition-1');
    expect(csv).toBe('\uFEFFid;titre;description;themes;secteurs;departement;commune;latitude;longitude;porteur;annee;site_web;etape;contact\r\n'
      + 'proposition-1;\'@Portail;"Ligne 1\nLigne 2 ; ""citée""";ent;education;43;le puy en velay;;;;;;;elu@mairie.fr\r\n');
  });

  it('gets a provisional id the organisers\' command replaces', () => {
    const id = provisionalId(new Date('2009-06-01T10:20:30Z'), () => 0);
    expect(id).toBe('proposition-20090601102030-0000');
    expect(isProvisionalId(id)).toBe(true);
    expect(isProvisionalId('i042')).toBe(false);
  });

  it('is the same innovation when title and commune are, without case nor accents', () => {
    expect(propositionKey('École  numérique', 'St-Étienne')).toBe(propositionKey('ecole numerique', 'saint etienne'));
    expect(propositionKey('École', 'Lyon')).not.toBe(propositionKey('École', 'Lille'));
  });
});

describe('proposition e-mail', () => {
  it('is a mailto link with a subject and a body naming the file to attach', () => {
    const link = propositionMailto('route@exemple.fr', 'proposition-43-ent.csv', fields({}), 'Haute-Loire (43)');
    expect(link.startsWith('mailto:route@exemple.fr?subject=')).toBe(true);
    const params = new URLSearchParams(link.slice(link.indexOf('?') + 1));
    expect(params.get('subject')).toBe('Proposition d’innovation : ENT rural');
    expect(params.get('body')).toContain('Le fichier proposition-43-ent.csv est joint à ce message.');
    expect(params.get('body')).toContain('« ENT rural » (Haute-Loire (43))');
  });
});
