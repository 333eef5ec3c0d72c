import type { VocabEntry } from '../domain/types';
import { useAppStore } from '../store/appStore';
import type { InnovationSource } from '../points/client';
import { formatCount } from '../domain/presentation';
import { useInnovations, useT } from './hooks';
import { ThemeTags } from './ThemeTags';

/** Most innovations listed in a detail: past that, a sentence says how many more there are. */
export const LINKS_MAX = 100;

interface Props {
  source: InnovationSource;
  /** Rows to list (display order), or null while the points worker answers. */
  rows: Uint32Array | null;
  /** When given, each entry also shows its theme tags. */
  themes?: readonly VocabEntry[];
}

/** A list of innovations, each a button that opens its detail, with its commune. */
export function InnovationLinks({ source, rows, themes }: Props) {
  const select = useAppStore((s) => s.select);
  const innovations = useInnovations(source, rows, LINKS_MAX);
  const w = useT();
  if (!rows || !innovations) return <p className="discret" role="status">{w.t('detail.loadingInnovations')}</p>;
  return (
    <>
      <ul className="liste-detail">
        {innovations.map((f) => (
          <li key={f.properties.id}>
            <button type="button" className="lien-bouton" onClick={() => select({ kind: 'innovation', id: f.properties.id })}>
              {f.properties.titre}
            </button>
            {f.properties.commune && <span className="discret"> — {f.properties.commune}</span>}
            {themes && <ThemeTags ids={f.properties.themes} vocabulaire={themes} />}
          </li>
        ))}
      </ul>
      {rows.length > innovations.length && (
        <p className="discret">{w.t('detail.andMore', { count: formatCount(rows.length - innovations.length, w) })}</p>
      )}
    </>
  );
}
