import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { Plugin } from 'vite';

/**
 * Rewrites `import { Button } from '@fluentui/react-components'` in the tab's own sources to import
 * from the package that barrel re-exports it from (here `@fluentui/react-button`), resolved from
 * the barrel's own location so it is exactly the module the barrel would load.
 *
 * Why: Rolldown places every module reachable through a shared barrel into the chunk of its first
 * importer, so a lazily loaded screen's dialogs, menus and tables would land in the first download.
 * Bypassing the barrel lets each screen's Fluent components travel with that screen. Sources keep
 * importing the declared dependency; only the bundle changes. (The same idea as Next.js's
 * `optimizePackageImports`.)
 */

const BARREL = '@fluentui/react-components';

interface Origin {
  /** The module that really exports it, as the barrel names it. */
  source: string;
  /** Its name in that module. */
  imported: string;
}

export function readBarrelExports(barrelCode: string): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  const reexport = /export\s*\{([\s\S]*?)\}\s*from\s*["']([^"']+)["']/g;
  for (const [, list, source] of barrelCode.matchAll(reexport)) {
    const names = list.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    for (const spec of names.split(',')) {
      const parts = spec.trim().split(/\s+as\s+/);
      if (!parts[0]) continue;
      origins.set(parts[1] ?? parts[0], { source, imported: parts[0] });
    }
  }
  return origins;
}

export function fluentDirectImports(): Plugin {
  const require = createRequire(import.meta.url);
  let barrelFile = '';
  let origins = new Map<string, Origin>();

  return {
    name: 'career-board:fluent-direct-imports',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      const packageJson = require.resolve(`${BARREL}/package.json`);
      barrelFile = join(dirname(packageJson), 'lib', 'index.js');
      origins = readBarrelExports(readFileSync(barrelFile, 'utf8'));
    },
    async transform(code, id) {
      if (!/[\\/]tabs[\\/]src[\\/].*\.tsx?$/.test(id) || !code.includes(BARREL)) return null;
      const statement = /import\s*\{([^}]*)\}\s*from\s*['"]@fluentui\/react-components['"];?/g;
      const replacements: { start: number; end: number; text: string }[] = [];

      for (const match of code.matchAll(statement)) {
        const bySource = new Map<string, string[]>();
        const leftovers: string[] = [];
        for (const raw of match[1].split(',')) {
          const spec = raw.trim();
          if (!spec || spec.startsWith('type ')) continue;
          const [name, local = name] = spec.split(/\s+as\s+/);
          const origin = origins.get(name);
          if (!origin) {
            leftovers.push(spec);
            continue;
          }
          const binding = origin.imported === local ? local : `${origin.imported} as ${local}`;
          bySource.set(origin.source, [...(bySource.get(origin.source) ?? []), binding]);
        }
        const lines: string[] = [];
        for (const [source, bindings] of bySource) {
          const resolved = await this.resolve(source, barrelFile);
          lines.push(
            `import { ${bindings.join(', ')} } from ${JSON.stringify(resolved?.id ?? source)};`,
          );
        }
        if (leftovers.length) lines.push(`import { ${leftovers.join(', ')} } from '${BARREL}';`);
        replacements.push({
          start: match.index,
          end: match.index + match[0].length,
          text: lines.join('\n'),
        });
      }
      if (replacements.length === 0) return null;
      let result = code;
      for (const { start, end, text } of replacements.reverse())
        result = result.slice(0, start) + text + result.slice(end);
      return { code: result, map: null };
    },
  };
}
