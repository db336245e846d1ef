// ESLint 9 flat config: JavaScript and typescript-eslint recommended rules,
// eslint-plugin-vue for the admin app, and nothing about layout: Prettier owns that (eslint-config-prettier turns the
// overlapping rules off). `npm run lint` runs ESLint, `prettier --check` and
// dependency-cruiser, which refuses import cycles (.dependency-cruiser.cjs).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'bench/results/', 'tests/e2e/screenshots/', 'client/src/graphql/generated/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    // <script lang="ts"> in .vue files is read by typescript-eslint's parser.
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node, parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['client/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      // `_` marks an argument a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The text and address rules exist to find control characters: their patterns name them.
    files: ['server/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // French messages put no-break spaces (U+00A0, U+202F) before : ; ! ? and inside « », template literals too.
    files: ['server/i18n/fr/**', 'client/src/**/locales/fr.ts'],
    rules: { 'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }] },
  },
  {
    // Tests and the benchmark read GraphQL answers as JSON whose shape is what they assert.
    files: ['tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
]);
