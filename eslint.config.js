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
    // The house rule: only src/map talks to MapLibre; domain stays pure.
    files: ['src/domain/**/*.ts', 'src/components/**/*.tsx', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'maplibre-gl', message: 'MapLibre lives in src/map only.' }] }],
    },
  },
);
