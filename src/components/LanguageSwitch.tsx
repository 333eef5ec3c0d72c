import { useAppStore } from '../store/appStore';
import { loadLanguage } from '../i18n';
import { useT } from './hooks';

/**
 * "English" / "Français": the other language, named in that language and marked as such (`lang`),
 * so a screen reader says it with the right voice. The choice goes to the URL (`lang=en`), once
 * the language's words are there (English is fetched at its first use; offline, nothing changes).
 */
export function LanguageSwitch() {
  const { t, lang } = useT();
  const setLang = useAppStore((s) => s.setLang);
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="bouton-langue"
      lang={other}
      title={t('language.switchLabel')}
      onClick={() => void loadLanguage(other).then(() => setLang(other), () => undefined)}
    >
      {t('language.switchTo')}
    </button>
  );
}
