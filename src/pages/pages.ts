/**
 * What the text pages read from the data folder: the data's date and credits (data/meta.json), so
 * the legal notice and the accessibility statement say what the map shows. Without it the pages
 * keep their static text.
 */
import './pages.css';
import { formatDate } from '../domain/presentation';

interface Meta {
  date_donnees?: unknown;
  attributions?: unknown;
  exemple?: unknown;
}

async function fillFromMeta(): Promise<void> {
  let meta: Meta;
  try {
    const response = await fetch('data/meta.json');
    if (!response.ok) return;
    meta = (await response.json()) as Meta;
  } catch {
    return;
  }
  if (typeof meta.date_donnees === 'string') {
    for (const el of document.querySelectorAll<HTMLElement>('[data-meta="date"]')) el.textContent = formatDate(meta.date_donnees);
  }
  const list = document.querySelector<HTMLUListElement>('[data-meta="attributions"]');
  if (list && Array.isArray(meta.attributions)) {
    const credits = meta.attributions.filter((a): a is string => typeof a === 'string' && a.trim() !== '');
    if (credits.length > 0) {
      list.replaceChildren(...credits.map((credit) => {
        const item = document.createElement('li');
        item.textContent = credit;
        return item;
      }));
    }
  }
  if (meta.exemple === true) {
    for (const el of document.querySelectorAll<HTMLElement>('[data-meta="exemple"]')) el.hidden = false;
  }
}

void fillFromMeta();
