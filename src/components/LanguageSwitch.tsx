import { useAppStore } from '../store/appStore';
import { useT } from './hooks';

/**
 * "English" / "Français": the other language, named in that language and marked as such (`lang`),
 * so a screen reader says it with the right voice. The choice goes to the URL (`lang=en`).
 */
export function LanguageSwitch() {
  const { t } = useT();
  const setLang = useAppStore((s) => s.setLang);
  const other = t('language.switchLang') === 'en' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="bouton-langue"
      lang={other}
      aria-label={t('language.switchLabel')}
      onClick={() => setLang(other)}
    >
      {t('language.switchTo')}
    </button>
  );
}
