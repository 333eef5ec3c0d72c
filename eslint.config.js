import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'public/data', 'node_modules', '.bench', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The house rules: only src/map talks to MapLibre; code the browser ships never imports the
    // data build (src/build), which reads files and pulls in dev-dependencies.
    files: ['src/domain/**/*.ts', 'src/components/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'maplibre-gl', message: 'MapLibre lives in src/map only.' }],
        patterns: [{ group: ['**/build/*', '**/build'], message: 'src/build is build-only: the browser never ships it.' }],
      }],
    },
  },
  {
    // The map is a renderer: it is handed operations and reports events, it never reads the store.
    files: ['src/map/**/*.ts', 'src/points/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/build/*', '**/build'], message: 'src/build is build-only: the browser never ships it.' },
          { group: ['**/store/*', '**/store'], message: 'src/map and src/points never read the store: MapView hands the map operations.' },
        ],
      }],
    },
  },
  {
    files: ['src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/build/*', '**/build'], message: 'src/build is build-only: the browser never ships it.' }],
      }],
    },
  },
);
