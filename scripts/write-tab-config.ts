import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { tabRuntimeConfigFromEnv } from './tabRuntimeConfig';

/**
 * Writes tabs/dist/config.json for a deployed tab: the same build runs anywhere, and this file
 * tells it where the API is. Azure mode never offers the local "Sign in as" picker.
 */
function main(): void {
  const config = tabRuntimeConfigFromEnv(process.env);
  if ('error' in config) {
    console.error(config.error);
    process.exit(1);
  }
  const target = resolve(__dirname, '../tabs/dist/config.json');
  writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`Wrote ${target}: API at ${config.apiBaseUrl}`);
}

main();
