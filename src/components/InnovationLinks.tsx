import type { InnovationFeature, VocabEntry } from '../domain/types';
import { useAppStore } from '../store/appStore';
import { ThemeTags } from './ThemeTags';

interface Props {
  innovations: readonly InnovationFeature[];
  /** When given, each entry also shows its theme tags. */
  themes?: readonly VocabEntry[];
}

/** A list of innovations, each a button that opens its detail, with its commune. */
export function InnovationLinks({ innovations, themes }: Props) {
  const select = useAppStore((s) => s.select);
  return (
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
  );
}
