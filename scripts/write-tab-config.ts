import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { TabRuntimeConfig } from '../api/src/local/tabServer';

/**
 * Writes tabs/dist/config.json for a deployed tab: the same build runs anywhere, and this file
 * tells it where the API is. Azure mode never offers the local "Sign in as" picker.
 */
function main(): void {
  const api = process.env.TAB_API_BASE_URL;
  if (!api || !/^https:\/\/[^\s]+$/.test(api)) {
    console.error(
      'Set TAB_API_BASE_URL to the API base, e.g. https://func-careerboard.azurewebsites.net/api',
    );
    process.exit(1);
  }
  const config: TabRuntimeConfig = {
    mode: 'azure',
    apiBaseUrl: api.replace(/\/+$/, ''),
    devServicesUrl: null,
    extraHostOrigins: [],
  };
  const target = resolve(__dirname, '../tabs/dist/config.json');
  writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`Wrote ${target}: API at ${config.apiBaseUrl}`);
}

main();
