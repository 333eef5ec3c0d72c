import { createContext, useContext } from 'react';

/** What a detail view may ask of the panel around it. */
export interface PanelActions {
  /** Closes the detail and shows the results where the list was left (the list on a phone). */
  backToResults(): void;
}

export const PanelContext = createContext<PanelActions>({ backToResults: () => undefined });

export const usePanel = () => useContext(PanelContext);
