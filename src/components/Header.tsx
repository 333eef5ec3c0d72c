import { useAppStore } from '../store/appStore';
import { useLoadedData, useT } from './hooks';
import { LanguageSwitch } from './LanguageSwitch';
import { PropositionButton } from './PropositionButton';

/**
 * The page's title, the sample-data notice, "Proposer une innovation" and the language switch. Embedded in another site the title is only read by
 * screen readers (the host page has its own), and the notice stays, smaller.
 */
export function Header({ onSkipToPanel }: { onSkipToPanel: () => void }) {
  const data = useLoadedData();
  const integration = useAppStore((s) => s.integration);
  const { t } = useT();
  return (
    <header className="entete">
      {data && (
        <a className="lien-evitement" href="#panneau" onClick={onSkipToPanel}>
          {t('header.skip')}
        </a>
      )}
      <h1 className={integration ? 'visuellement-cache' : undefined}>{t('header.title')}</h1>
      {!integration && (
        <p className="entete-sous-titre">{t('header.subtitle')}</p>
      )}
      {!integration && <PropositionButton />}
      {/* With the data, like "Proposer": the header keeps its height while the map starts. */}
      {data && !integration && <LanguageSwitch />}
      {data?.meta.exemple && (
        <p className="bandeau-exemple" role="note">
          <strong>{t('header.sampleStrong')}</strong>{t('header.sampleRest')}
        </p>
      )}
    </header>
  );
}
