/** Four projects: pure unit tests, integration over real sockets, tab components in jsdom, browser end to end. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const base = {
  transform: { '^.+\\.(ts|tsx)$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // The tab's alias for the API's contract (tabs/tsconfig.json paths, vite.config.ts resolve.alias).
  moduleNameMapper: { '^@contract/(.*)$': '<rootDir>/api/src/contract/$1' },
};

module.exports = {
  // Per-project testTimeout is not honoured by Jest 30; integration and browser tests need more than 5 s.
  testTimeout: 120000,
  // Jest's default on two cores is one worker; most suites wait on sockets and the browser, so two
  // halve the run (measured: 874 s with one, 495-537 s with two) and every suite still passes.
  maxWorkers: 2,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      // tests/tabs/*.test.ts (not .tsx) run here, in node: the tab's lint boundary test.
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.int.test.ts'],
      testTimeout: 60000,
    },
    {
      ...base,
      displayName: 'tab',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/tabs/**/*.test.tsx'],
      // The tab names some of its own TypeScript modules by their built `.js` name, as ES modules do
      // (app/AppHeader.tsx, app/bootstrap.ts); Jest resolves them to the sources.
      moduleNameMapper: { ...base.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
      setupFiles: ['<rootDir>/tests/tabs/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/tabs/waits.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      testTimeout: 120000,
    },
  ],
};
