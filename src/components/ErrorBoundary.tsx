import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the region is, in French, for the message: « la carte », « le panneau »… */
  region: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Recharger": the region is mounted anew. */
  attempt: number;
}

/**
 * Contains an uncaught error to one region of the page: the region says what happened in French
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
      return (
        <div className="erreur-region" role="alert">
          <p>
            Un problème empêche d'afficher {this.props.region} ({error.message}). Le reste de la page reste utilisable.
          </p>
          <button type="button" onClick={() => this.setState({ error: null, attempt: attempt + 1 })}>
            Recharger
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
