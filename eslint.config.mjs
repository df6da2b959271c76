import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const tabFolder = (folder) => `./tabs/src/${folder}`;
/** Tab features: each a screen or a section of one, composed by the app shell. */
const TAB_FEATURES = ['board', 'chat', 'conversations', 'settings', 'signin', 'team'];
/** What features build on: the kit and the services. */
const TAB_GROUND = ['api', 'auth', 'common', 'config', 'forms', 'routing', 'teams'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'appPackage/build/**',
      'coverage/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['tabs/src/**/*.{ts,tsx}', 'tests/tabs/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useLoad (common/useLoad.ts) takes deps like useEffect: check them the same way.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLoad$' }],
    },
  },
  {
    // ── Tab layers (tabs/src) ─────────────────────────────────────────────────────────────────
    // Downhill only: the app shell (app/, main.tsx) composes features; a feature (board, team,
    // conversations, settings, chat, signin) imports the kit and services below it (common/,
    // api/, auth/, config/, forms/, routing/, teams/) and the API's contract (@contract/*), never
    // another feature or the shell; the kit and services import no feature. Proven by
    // tests/tabs/lintBoundaries.test.ts.
    files: ['tabs/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          // The same alias as tabs/tsconfig.json, vite.config.ts and jest.config.js.
          alias: { '@contract': [fileURLToPath(new URL('api/src/contract', import.meta.url))] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: fileURLToPath(new URL('.', import.meta.url)),
          zones: [
            {
              target: './tabs/src',
              from: './api/src',
              except: ['./contract'],
              message: 'The tab shares only the API contract, through @contract/*.',
            },
            {
              target: TAB_GROUND.map(tabFolder),
              from: [...TAB_FEATURES, 'app'].map(tabFolder),
              message: 'The kit and services sit below every feature and the app shell.',
            },
            ...TAB_FEATURES.map((feature) => ({
              target: tabFolder(feature),
              from: [...TAB_FEATURES.filter((other) => other !== feature), 'app'].map(tabFolder),
              message:
                'A feature imports the kit (common/), api/, auth/, config/, forms/, routing/, teams/ and @contract, not another feature or the app shell.',
            })),
          ],
        },
      ],
    },
  },
  {
    // Only the configuration module may read the environment: one place to validate it.
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/config.ts', 'api/src/local/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through api/src/config.ts.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
