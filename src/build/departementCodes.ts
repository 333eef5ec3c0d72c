/**
 * The `departement` cell as the data build reads it: the shared rule (src/domain/departementCodes.ts)
 * with a cache, since a file names the same hundred departments over and over.
 */
import { departementResolver, type DepartementCellResult, type DepartementResolver } from '../domain/departementCodes';
import { detach } from './detach';

export type { DepartementCellResult, DepartementResolver };

/** Build a resolver over the known departments (code + name, e.g. from the boundaries file). */
export function createDepartementResolver(departements: Iterable<{ code: string; nom: string }>): DepartementResolver {
  const { resolve, nameOf } = departementResolver(departements);
  // A file names the same hundred departments over and over: resolve each spelling once.
  const cache = new Map<string, DepartementCellResult>();
  function cachedResolve(cell: string): DepartementCellResult {
    let result = cache.get(cell);
    if (result === undefined) {
      result = resolve(cell);
      // Kept for the whole build: neither key nor message may hold the file's text (see detach).
      if (!result.ok) result = { ok: false, message: detach(result.message) };
      if (cache.size < 10_000) cache.set(detach(cell), result);
    }
    return result;
  }

  return { resolve: cachedResolve, nameOf };
}
