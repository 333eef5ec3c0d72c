import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { linkPreview } from './vite-plugins/apercu';
import { contentSecurityPolicy } from './vite-plugins/csp';
import { thirdPartyLicences } from './vite-plugins/licences';

const licences = thirdPartyLicences();

// Relative base so the built site works from any folder or sub-path of a web server.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), licences.plugin, linkPreview()],
  worker: { plugins: () => [licences.workerPlugin()] },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // The map, and the two text pages the footer links to (they share the CSP and the favicon).
    rollupOptions: { input: ['index.html', 'accessibilite.html', 'mentions-legales.html'] },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
