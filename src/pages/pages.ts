/**
 * What the text pages read from the data folder: the data's date and credits (data/meta.json), so
 * the legal notice and the accessibility statement say what the map shows. Without it the pages
 * keep their static text.
 *
 * Opened from the English interface (`?lang=en`), their chrome speaks English (skip link, way back
 * to the map, which keeps the language) and a note says the text is in French only: the legal text
 * and the RGAA statement are French documents. The page's own language stays French.
 */
import './pages.css';
import { formatDate } from '../domain/presentation';

async function englishChrome(): Promise<void> {
  if (new URLSearchParams(window.location.search).get('lang') !== 'en') return;
  // Fetched for English readers only: the French pages load nothing more.
  const { en } = await import('../i18n/en');
  const english = (el: HTMLElement, text: string) => {
    el.textContent = text;
    el.lang = 'en';
  };
  const skip = document.querySelector<HTMLAnchorElement>('.lien-evitement');
  if (skip) english(skip, en.pages.skip);
  const back = document.querySelector<HTMLAnchorElement>('.page-entete a');
  if (back) {
    english(back, en.pages.back);
    back.href = './?lang=en';
  }
  const note = document.createElement('p');
  note.className = 'page-note';
  english(note, en.pages.frenchOnly);
  document.querySelector('.page-entete')?.append(note);
}

void englishChrome();

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
