import { useEffect, useState, useSyncExternalStore } from 'react';
import { useAppStore, type LoadedData } from '../store/appStore';
import type { InnovationFeature, Wording } from '../domain/types';
import { wording } from '../i18n';
import type { InnovationSource } from '../points/client';

/** The loaded data, or null while loading or after an error. */
export function useLoadedData(): LoadedData | null {
  return useAppStore((s) => (s.load.status === 'ready' ? s.load.data : null));
}

/** Re-renders whenever a chunk of rows arrives; gives the source's version. */
export function useRowsVersion(source: InnovationSource): number {
  return useSyncExternalStore(source.subscribe, () => source.version);
}

/**
 * The innovations of `rows` once their chunks are loaded (in the same order), or null while they
 * are on their way. At most `limit` rows are fetched and given.
 */
export function useInnovations(source: InnovationSource, rows: Uint32Array | null, limit = Infinity): InnovationFeature[] | null {
  useRowsVersion(source);
  const wanted = rows ? rows.subarray(0, Math.min(rows.length, limit)) : null;
  const features = wanted ? Array.from(wanted, (row) => source.row(row)) : null;
  const missing = features?.some((f) => f === undefined) ?? false;
  useEffect(() => {
    if (rows && missing) void source.loadRows(rows.subarray(0, Math.min(rows.length, limit))).catch(() => undefined);
  }, [source, rows, limit, missing]);
  if (!features || missing) return null;
  return features as InnovationFeature[];
}

/** Rows answered by the points worker for `ask`, asked again when `key` changes; null meanwhile. */
export function useWorkerRows(ask: (() => Promise<Uint32Array>) | null, key: string): Uint32Array | null {
  const [answer, setAnswer] = useState<{ key: string; rows: Uint32Array } | null>(null);
  useEffect(() => {
    if (!ask) return;
    let current = true;
    void ask().then((rows) => {
      if (current) setAnswer({ key, rows });
    }, () => undefined);
    return () => {
      current = false;
    };
    // `ask` is a new closure at each render; `key` says when the question changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer?.key === key ? answer.rows : null;
}

export type InnovationLookup =
  | { status: 'chargement' }
  | { status: 'introuvable' }
  | { status: 'trouvee'; row: number; feature: InnovationFeature };

/** The innovation with id `id`: looked up in the rows loaded, else through the ids file. */
export function useInnovationById(source: InnovationSource, id: string): InnovationLookup {
  useRowsVersion(source);
  const [unknown, setUnknown] = useState<string | null>(null);
  const row = source.loadedRowOf(id);
  const feature = row === undefined ? undefined : source.row(row);
  useEffect(() => {
    if (row !== undefined) return;
    let current = true;
    void source.resolveId(id).then((found) => {
      if (!current) return;
      if (found === null) setUnknown(id);
      else void source.loadRows([found]).catch(() => undefined);
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [source, id, row]);
  if (row !== undefined && feature) return { status: 'trouvee', row, feature };
  return unknown === id ? { status: 'introuvable' } : { status: 'chargement' };
}

/** The interface's words in the language chosen (French by default); re-renders when it changes. */
export function useT(): Wording {
  return wording(useAppStore((s) => s.lang));
}
