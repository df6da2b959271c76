import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { Plugin } from 'vite';

/**
 * Rewrites `import { ChevronRightRegular } from '@fluentui/react-icons'`, in the tab's sources and
 * in Fluent's own packages, to import from the icon's own module (`lib/atoms/svg/chevron-right.js`,
 * which the package publishes as `@fluentui/react-icons/svg/*`).
 *
 * Why: the barrel re-exports icons from a few dozen large modules, each holding hundreds of icons.
 * A bundler places a module in one chunk, so every icon any screen uses ended up in the shared
 * chunk of the first visit (about 25 KB of icons, most for dialogs, menus and screens not yet
 * opened). One module per icon lets each icon travel with the screens that draw it.
 */

const PACKAGE = '@fluentui/react-icons';

/** Export name → file, read from the atoms' own `export const` lines. */
export function readIconAtoms(atomsDir: string): Map<string, string> {
  const atoms = new Map<string, string>();
  for (const file of readdirSync(atomsDir)) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(atomsDir, file), 'utf8');
    for (const [, name] of code.matchAll(/export const (\w+)/g))
      atoms.set(name, join(atomsDir, file));
  }
  return atoms;
}

export function fluentIconAtoms(): Plugin {
  const require = createRequire(import.meta.url);
  let atoms = new Map<string, string>();

  return {
    name: 'career-board:fluent-icon-atoms',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      // Resolved from react-components, as Fluent's packages resolve it.
      const fromFluent = createRequire(require.resolve('@fluentui/react-components/package.json'));
      const packageDir = dirname(fromFluent.resolve(`${PACKAGE}/package.json`));
      atoms = readIconAtoms(join(packageDir, 'lib', 'atoms', 'svg'));
    },
    transform(code, id) {
      if (!/[\\/](tabs[\\/]src|node_modules[\\/]@fluentui)[\\/]/.test(id)) return null;
      if (!code.includes(PACKAGE)) return null;
      const statement = /import\s*\{([^}]*)\}\s*from\s*['"]@fluentui\/react-icons['"];?/g;
      let changed = false;
      const result = code.replace(statement, (whole, list: string) => {
        const byFile = new Map<string, string[]>();
        const leftovers: string[] = [];
        for (const raw of list.split(',')) {
          const spec = raw.trim();
          if (!spec || spec.startsWith('type ')) continue;
          const [name] = spec.split(/\s+as\s+/);
          const file = atoms.get(name);
          if (file) byFile.set(file, [...(byFile.get(file) ?? []), spec]);
          else leftovers.push(spec);
        }
        if (byFile.size === 0) return whole;
        changed = true;
        const lines = [...byFile].map(
          ([file, specs]) => `import { ${specs.join(', ')} } from ${JSON.stringify(file)};`,
        );
        if (leftovers.length) lines.push(`import { ${leftovers.join(', ')} } from '${PACKAGE}';`);
        return lines.join('\n');
      });
      return changed ? { code: result, map: null } : null;
    },
  };
}
