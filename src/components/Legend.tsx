import { useMemo, useState } from 'react';
import { useAppStore, type LoadedData } from '../store/appStore';
import { selectCountsByDepartement } from '../store/selectors';
import { countsForCodes, legendClasses } from '../domain/legend';
import { DEFAULT_TOKENS, shadeColour } from '../map/tokens';

/** Choropleth classes (recomputed with the filters) and the meaning of the map symbols. */
export function Legend({ data }: { data: LoadedData }) {
  const counts = useAppStore(selectCountsByDepartement);
  const codes = useMemo(
    () => data.departements.filter((f) => f.properties.role === 'zone').map((f) => f.properties.code),
    [data],
  );
  const classes = useMemo(() => legendClasses(countsForCodes(codes, counts)), [codes, counts]);
  // Open on wide screens, folded on phones where the map is small; the reader toggles it after.
  const [openAtStart] = useState(() => window.matchMedia('(min-width: 761px)').matches);
  return (
    <details className="legende" open={openAtStart}>
      <summary>Légende</summary>
      <p className="legende-titre">Innovations par département</p>
      <ul className="legende-classes">
        {classes.map((c) => (
          <li key={c.teinte}>
            <span className="pastille" style={{ background: shadeColour(DEFAULT_TOKENS, c.teinte) }} aria-hidden="true" />
            {c.teinte === 0 ? 'Aucune' : c.libelle}
          </li>
        ))}
      </ul>
      <ul className="legende-symboles">
        <li><span className="symbole-innovation" aria-hidden="true" /> Innovation (couleur de son 1er thème)</li>
        <li><span className="symbole-grappe" aria-hidden="true">5</span> Groupe d'innovations (cliquer pour zoomer)</li>
        <li><span className="symbole-etape" aria-hidden="true">1</span> Étape de La Route des Territoires</li>
      </ul>
    </details>
  );
}
