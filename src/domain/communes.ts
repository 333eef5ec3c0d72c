/**
 * The communes the data build knows (the GeoNames gazetteer), by department: the build places a
 * row at its commune with them, and writes their names (communes.json) for the proposal form,
 * which suggests them and says, with the build's own message, when a name will not be found.
 * Both match names the same way: without case, accents, hyphens, St/Ste, nor a leading article.
 */
import { placeKey, placeKeyWithoutArticle } from './normalize';

/** public/data/communes.json: commune names by department code, sorted. */
export const COMMUNES_FILE = 'communes.json';
export type CommuneNames = Record<string, string[]>;

/** The keys a commune name is found by: its place key, and the same without article (prefixed '~'). */
export function communeKeys(name: string): [string, string] {
  return [placeKey(name), `~${placeKeyWithoutArticle(name)}`];
}

/** Finds a name among the communes of a department, as the data build does. */
export class CommuneIndex<T> {
  private readonly byDepartement = new Map<string, Map<string, T>>();

  /** Adds a commune; the first one added wins when two share a key (GeoNames lists the most populated first). */
  add(code: string, name: string, value: T): void {
    let names = this.byDepartement.get(code);
    if (!names) {
      names = new Map();
      this.byDepartement.set(code, names);
    }
    for (const key of communeKeys(name)) if (!names.has(key)) names.set(key, value);
  }

  find(code: string, name: string): T | undefined {
    const names = this.byDepartement.get(code);
    if (!names || name.trim() === '') return undefined;
    const [key, short] = communeKeys(name);
    return names.get(key) ?? names.get(short);
  }

  /** Every value of a department (each once). */
  valuesOf(code: string): T[] {
    const names = this.byDepartement.get(code);
    return names ? [...new Set(names.values())] : [];
  }

  get departementCodes(): string[] {
    return [...this.byDepartement.keys()];
  }
}

/** "du département Rhône (69)": how placement messages name a department. */
export function departementPhrase(nom: string | undefined, code: string): string {
  return `du département ${nom ?? code} (${code})`;
}

/** The build's warning for a commune the gazetteer does not have (the row is placed at its department). */
export function communeNotFoundMessage(commune: string, departement: string): string {
  return `commune « ${commune} » introuvable (répertoire GeoNames) ${departement.replace(/^du/u, 'dans le')} : point placé au centre du département ; vérifiez l’orthographe ou ajoutez latitude et longitude`;
}

/** The build's warning for a row with neither coordinates nor commune (placed at its department). */
export function noPlaceMessage(departement: string): string {
  return `ni coordonnées ni commune : point placé au centre ${departement} ; ajoutez la commune ou latitude et longitude`;
}
