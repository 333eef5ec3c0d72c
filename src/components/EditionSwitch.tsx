import { useId } from 'react';
import { useAppStore } from '../store/appStore';
import { selectEdition, selectEditions } from '../store/selectors';
import type { EditionChoice } from '../domain/types';
import { useT } from './hooks';

/**
 * Which edition of La Route des Territoires the map shows (2009 by default, or every edition):
 * only there when the data holds more than one.
 */
export function EditionSwitch() {
  const id = useId();
  const editions = useAppStore(selectEditions);
  const edition = useAppStore(selectEdition);
  const setEdition = useAppStore((s) => s.setEdition);
  const { t } = useT();
  if (editions.length < 2 || edition === null) return null;
  const read = (value: string): EditionChoice => (value === 'toutes' ? 'toutes' : Number(value));
  return (
    <div className="choix-edition">
      <label htmlFor={`${id}-edition`}>{t('edition.label')}</label>
      <select id={`${id}-edition`} value={String(edition)} aria-describedby={`${id}-aide`} onChange={(e) => setEdition(read(e.target.value))}>
        {editions.map((year) => <option key={year} value={year}>{year}</option>)}
        <option value="toutes">{t('edition.all')}</option>
      </select>
      <p id={`${id}-aide`} className="filtres-aide">{t('edition.help')}</p>
    </div>
  );
}
