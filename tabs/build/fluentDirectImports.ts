import { readFileSync } from 'node:fs';

import type { Plugin } from 'vite';

/**
 * Rewrites `import { Button } from '@fluentui/react-components'`, in the tab's own sources and in
 * Fluent's packages, to import each name from the module that defines it (here
 * `@fluentui/react-button/lib/components/Button/Button.js`), found by following the barrels'
 * `export { … } from` lines and resolved the way the bundler would, so it is exactly the module
 * the barrel would load.
 *
 * Why: Rolldown places a module by the screens that reach it, and a barrel reaches everything it
 * re-exports. Through `@fluentui/react-components` a lazily loaded screen's dialogs, menus and
 * tables landed in the first download; through `@fluentui/react-badge` the avatar's presence
 * badges rode with the board's plain badge, and through `@fluentui/react-button` the split and
 * menu buttons with the plain button. Going straight to the defining module lets each component
 * travel with the screens that use it. Sources keep importing the declared dependency; only the
 * bundle changes. (The same idea as Next.js's `optimizePackageImports`.)
 */

const FLUENT_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"](@fluentui\/[\w-]+)['"];?/g;
/** Icons have their own per-icon modules (fluentIconAtoms.ts). */
const HANDLED_ELSEWHERE = new Set(['@fluentui/react-icons']);
const MAX_DEPTH = 12;

interface Origin {
  /** The module it is re-exported from, as the barrel names it. */
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
      if (!parts[0] || parts[0] === 'type' || parts[0].startsWith('type ')) continue;
      origins.set(parts[1] ?? parts[0], { source, imported: parts[0] });
    }
  }
  return origins;
}

type Resolve = (source: string, importer: string) => Promise<string | null>;

export function fluentDirectImports(): Plugin {
  const barrels = new Map<string, Map<string, Origin>>();
  const reexportsOf = (file: string) => {
    let origins = barrels.get(file);
    if (!origins) {
      origins = readBarrelExports(readFileSync(file, 'utf8'));
      barrels.set(file, origins);
    }
    return origins;
  };

  /** The module that defines `name`, following re-exports from `file`. */
  async function definingModule(
    resolve: Resolve,
    file: string,
    name: string,
    depth = 0,
  ): Promise<{ file: string; name: string }> {
    const origin = depth < MAX_DEPTH ? reexportsOf(file).get(name) : undefined;
    if (!origin) return { file, name };
    const next = await resolve(origin.source, file);
    if (!next) return { file, name };
    return definingModule(resolve, next, origin.imported, depth + 1);
  }

  return {
    name: 'career-board:fluent-direct-imports',
    enforce: 'pre',
    apply: 'build',
    async transform(code, id) {
      if (!/[\\/](tabs[\\/]src|node_modules[\\/]@fluentui)[\\/]/.test(id)) return null;
      if (!code.includes('@fluentui/')) return null;
      const resolve: Resolve = async (source, importer) => {
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        return resolved && !resolved.external && /\.js$/.test(resolved.id) ? resolved.id : null;
      };
      const replacements: { start: number; end: number; text: string }[] = [];

      for (const match of code.matchAll(FLUENT_IMPORT)) {
        const [whole, list, packageName] = match;
        if (HANDLED_ELSEWHERE.has(packageName)) continue;
        const barrel = await resolve(packageName, id);
        if (!barrel) continue;
        const byFile = new Map<string, string[]>();
        const leftovers: string[] = [];
        for (const raw of list.split(',')) {
          const spec = raw.trim();
          if (!spec || spec.startsWith('type ')) continue;
          const [name, local = name] = spec.split(/\s+as\s+/);
          const found = await definingModule(resolve, barrel, name);
          if (found.file === barrel) {
            leftovers.push(spec);
            continue;
          }
          const binding = found.name === local ? local : `${found.name} as ${local}`;
          byFile.set(found.file, [...(byFile.get(found.file) ?? []), binding]);
        }
        if (byFile.size === 0) continue;
        const lines = [...byFile].map(
          ([file, bindings]) => `import { ${bindings.join(', ')} } from ${JSON.stringify(file)};`,
        );
        if (leftovers.length)
          lines.push(`import { ${leftovers.join(', ')} } from '${packageName}';`);
        replacements.push({
          start: match.index,
          end: match.index + whole.length,
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
