import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useAppStore } from '../store/appStore';
import { wording } from '../i18n';

interface Props {
  /** What the region is, in the interface's language, for the message: « la carte », « le panneau »… */
  region: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Recharger": the region is mounted anew. */
  attempt: number;
}

/**
 * Contains an uncaught error to one region of the page: the region says what happened in words
 * and offers to load it again; the rest of the page keeps working. Never a blank page.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Erreur dans ${this.props.region}`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (error) {
      // A class cannot use hooks: the language is read when the message is drawn.
      const { t } = wording(useAppStore.getState().lang);
      return (
        <div className="erreur-region" role="alert">
          <p>{t('app.regionError', { region: this.props.region, message: error.message })}</p>
          <button type="button" onClick={() => this.setState({ error: null, attempt: attempt + 1 })}>
            {t('app.reload')}
          </button>
        </div>
      );
    }
    return <RegionKey key={attempt}>{this.props.children}</RegionKey>;
  }
}

function RegionKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
