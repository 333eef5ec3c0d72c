import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { App } from './components/App';
import { useAppStore } from './store/appStore';
import { startResultsSync } from './store/resultsSync';
import { startUrlSync } from './store/urlSync';
import { loadLanguage } from './i18n';

// Read the link's filters, selection and view before the map starts (it reads `view` once).
startUrlSync(useAppStore, window);
// The points worker answers every filter change, with or without a map on screen.
startResultsSync(useAppStore);

// A link in English shows once the English words are here (a chunk of its own); without them, French.
void loadLanguage(useAppStore.getState().lang).catch(() => useAppStore.getState().setLang('fr')).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
