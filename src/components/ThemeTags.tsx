import type { VocabEntry } from '../domain/types';
import { textColourOn, vocabLabel } from '../domain/presentation';
import { useT } from './hooks';

interface Props {
  ids: readonly string[];
  vocabulaire: readonly VocabEntry[];
  /** Shown when there is no id at all. */
  vide?: string;
}

/** Theme (or sector) tags in their vocabulary colours; an unknown id is shown as is, in grey. */
export function ThemeTags({ ids, vocabulaire, vide }: Props) {
  const { lang } = useT();
  if (ids.length === 0) return vide ? <span className="etiquette etiquette-vide">{vide}</span> : null;
  return (
    <ul className="etiquettes">
      {ids.map((id) => {
        const entry = vocabulaire.find((v) => v.id === id);
        const couleur = entry?.couleur ?? '#6b6b6b';
        return (
          <li key={id} className="etiquette" style={{ background: couleur, color: textColourOn(couleur) }}>
            {entry ? vocabLabel(entry, lang) : id}
          </li>
        );
      })}
    </ul>
  );
}
