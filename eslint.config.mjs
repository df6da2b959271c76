import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const tabFolder = (folder) => `./tabs/src/${folder}`;
/** Tab features: each a screen or a section of one, composed by the app shell. */
const TAB_FEATURES = ['board', 'chat', 'conversations', 'settings', 'signin', 'team'];
/** What features build on: the kit and the services. */
const TAB_GROUND = ['api', 'auth', 'common', 'config', 'forms', 'routing', 'teams'];

/*
 * ---- API layers (api/src, scripts, bench) -----------------------------------------------------
 * Imports run downhill: contract, errors, logging at the ground; domain pure above them; store,
 * graph and auth above the domain; handlers and the scheduler above those, reaching the store only
 * through Services; functions/ (the route and timer tables, their adapters, the registrations) on
 * top. local/ is imported by nothing that deploys. tests/lint/apiLayers.test.ts proves a wrong-way
 * import fails.
 */
const repoRoot = dirname(fileURLToPath(import.meta.url));
const api = (...folders) => folders.map((f) => `./api/src/${f}`);
const API_DEPLOYABLE_BELOW_WIRING = [
  ...api('contract', 'errors', 'logging', 'hosting', 'domain', 'config.ts'),
  ...api('store', 'graph', 'auth', 'http', 'handlers', 'scheduler', 'services.ts'),
];
/** Everything above the store: handlers, the scheduler, Services, the wiring, the local host. */
const WIRING = api('handlers', 'scheduler', 'services.ts', 'functions', 'local');
const apiLayerZones = [
  {
    target: api('contract', 'errors', 'logging'),
    from: [...api('domain', 'config.ts', 'store', 'graph', 'auth', 'hosting', 'http'), ...WIRING],
    message: 'contract/, errors/ and logging/ are the ground: they import nothing above them.',
  },
  {
    target: api('domain'),
    from: [...api('logging', 'config.ts', 'store', 'graph', 'auth', 'hosting', 'http'), ...WIRING],
    message: 'domain/ is pure: it imports only contract/, errors/ and domain/.',
  },
  {
    target: api('config.ts', 'hosting'),
    from: [...api('domain', 'store', 'graph', 'auth', 'http'), ...WIRING],
    message: 'Configuration and hosting rules sit low: they import only the contract and errors.',
  },
  {
    target: api('store', 'graph', 'auth'),
    from: api('http', 'handlers', 'scheduler', 'services.ts', 'functions', 'local'),
    message:
      'store/, graph/ and auth/ return domain types and typed outcomes; HTTP and wiring sit above them.',
  },
  {
    target: api('http'),
    from: api('store', 'handlers', 'scheduler', 'functions', 'local'),
    message: 'http/ holds request helpers for handlers; the route table lives in functions/.',
  },
  {
    target: api('handlers', 'scheduler'),
    from: api('store', 'functions', 'local'),
    message:
      'Handlers and the scheduler reach the store through Services, and never the wiring or local/.',
  },
  {
    target: api('services.ts'),
    from: api('handlers', 'scheduler', 'functions', 'local'),
    message: 'Services builds the layers below the handlers; it imports nothing above them.',
  },
  {
    target: [...API_DEPLOYABLE_BELOW_WIRING, ...api('functions'), './scripts'],
    from: api('local'),
    message: 'local/ is the local host only: nothing that deploys imports it.',
  },
];

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
    files: ['tabs/src/**/*.{ts,tsx}', 'tests/tabs/**/*.{ts,tsx}', 'tabs/public/**/*.js'],
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
    // API layers: the import-boundary zones above (the tab's zones are a separate block).
    files: ['api/src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: repoRoot, zones: apiLayerZones }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
