/**
 * Fetching one data file, in the page or in the points worker: a French message naming the file
 * when the server is unreachable, answers an error, or does not answer in time.
 */

export const HINT = 'Relancez « npm run data » puis « npm run build » pour le régénérer.';

/** A data file could not be had; `retry` says whether trying again may help (network, timeout). */
export class DataLoadError extends Error {
  constructor(message: string, readonly retry = false) {
    super(message);
    this.name = 'DataLoadError';
  }
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Requests a data file; null for an optional file that is absent. */
export async function requestFile(
  fetchFn: Fetch, base: string, file: string, timeoutMs: number, optional = false,
): Promise<Response | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchFn(`${base}${file}`, { signal: controller.signal });
  } catch (err) {
    clearTimeout(timer);
    if (controller.signal.aborted) {
      throw new DataLoadError(`Le fichier de données ${file} n'arrive pas : le serveur n'a pas répondu en ${Math.round(timeoutMs / 1000)} secondes.`, true);
    }
    throw new DataLoadError(`Le fichier de données ${file} est introuvable : le serveur ne répond pas (${String(err)}).`, true);
  }
  clearTimeout(timer);
  if (!response.ok) {
    if (optional) return null;
    throw new DataLoadError(`Le fichier de données ${file} est introuvable : le serveur répond ${response.status}. ${HINT}`, response.status >= 500);
  }
  return response;
}

/** Reads a response body within the time left; a body that stalls fails like a request. */
async function withinTime<T>(read: Promise<T>, file: string, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DataLoadError(`Le fichier de données ${file} n'arrive pas : le serveur n'a pas répondu en ${Math.round(timeoutMs / 1000)} secondes.`, true)), timeoutMs);
  });
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Fetches and parses a JSON data file; `null` for an optional one that is absent or unreadable. */
export async function fetchJson(fetchFn: Fetch, base: string, file: string, timeoutMs: number, optional = false): Promise<unknown> {
  const response = await requestFile(fetchFn, base, file, timeoutMs, optional);
  if (!response) return null;
  const text = await withinTime(response.text(), file, timeoutMs);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (optional) return null;
    throw new DataLoadError(`Le fichier de données ${file} est illisible : ce n'est pas du JSON valide (${(err as Error).message}). ${HINT}`);
  }
}

export async function fetchText(fetchFn: Fetch, base: string, file: string, timeoutMs: number): Promise<string> {
  const response = await requestFile(fetchFn, base, file, timeoutMs);
  return withinTime(response!.text(), file, timeoutMs);
}

export async function fetchBytes(fetchFn: Fetch, base: string, file: string, timeoutMs: number): Promise<ArrayBuffer> {
  const response = await requestFile(fetchFn, base, file, timeoutMs);
  return withinTime(response!.arrayBuffer(), file, timeoutMs);
}
