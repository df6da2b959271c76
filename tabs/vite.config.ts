import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { firstScreenChunks } from './build/firstScreenChunks';
import { fluentDirectImports } from './build/fluentDirectImports';
import { fluentIconAtoms } from './build/fluentIconAtoms';

/**
 * The tab is a static site: `/config.json` (served beside it) tells it where the API lives, so one
 * build runs on any ports and in any environment.
 */
const chunks = firstScreenChunks();

export default defineConfig({
  plugins: [fluentDirectImports(), fluentIconAtoms(), react(), chunks.plugin],
  resolve: {
    // The same alias as tsconfig.json's paths: the tab reads the API's contract, nothing else of it.
    alias: { '@contract': fileURLToPath(new URL('../api/src/contract', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The first visit in few files (build/firstScreenChunks.ts).
        codeSplitting: { groups: chunks.groups },
      },
    },
  },
  server: {
    // The tab imports the API's request schemas (api/src/contract) so both sides share every limit.
    fs: { allow: ['..'] },
  },
});
