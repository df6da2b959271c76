import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The API's import-boundary zones (eslint.config.mjs) fail a wrong-way import and pass a downhill
 * one. Each case lints a made-up file placed in the layer under test, with the project's own
 * config, through ESLint's Node API (lintText.mjs).
 */

const ROOT = join(__dirname, '..', '..');
const RULE = 'import-x/no-restricted-paths';

interface Case {
  filePath: string;
  code: string;
}

/** The boundary errors of each case, linted in one ESLint run. */
function boundaryErrors(cases: Case[]): string[][] {
  const output = execFileSync(process.execPath, [join(__dirname, 'lintText.mjs'), ROOT], {
    cwd: ROOT,
    input: JSON.stringify(cases.map((c) => ({ ...c, filePath: join(ROOT, c.filePath) }))),
    encoding: 'utf8',
  });
  const results = JSON.parse(output) as { ruleId: string | null; message: string }[][];
  return results.map((messages) => messages.filter((m) => m.ruleId === RULE).map((m) => m.message));
}

const importing = (names: string, from: string) =>
  `import type { ${names} } from '${from}';\n\nexport type Probe = ${names};\n`;

const cases: { name: string; probe: Case; refusal: RegExp | null }[] = [
  {
    name: 'domain importing the store',
    probe: {
      filePath: 'api/src/domain/board/layerProbe.ts',
      code: importing('DirectoryRepository', '../../store/directoryRepository'),
    },
    refusal: /domain\/ is pure/,
  },
  {
    name: 'domain importing the contract',
    probe: {
      filePath: 'api/src/domain/board/layerProbe.ts',
      code: importing('ViewerRole', '../../contract/boardContract'),
    },
    refusal: null,
  },
  {
    name: 'the store importing the HTTP helpers',
    probe: {
      filePath: 'api/src/store/layerProbe.ts',
      code: importing('RouteInput', '../http/route'),
    },
    refusal: /store\/, graph\/ and auth\/ return domain types/,
  },
  {
    name: 'the store importing the error type',
    probe: {
      filePath: 'api/src/store/layerProbe.ts',
      code: importing('StoreOutcome', '../errors/storeOutcome'),
    },
    refusal: null,
  },
  {
    name: 'a handler importing a repository module',
    probe: {
      filePath: 'api/src/handlers/board/layerProbe.ts',
      code: importing('BoardRepository', '../../store/boardRepository'),
    },
    refusal: /reach the store through Services/,
  },
  {
    name: 'a handler importing Services',
    probe: {
      filePath: 'api/src/handlers/board/layerProbe.ts',
      code: importing('Services', '../../services'),
    },
    refusal: null,
  },
  {
    name: 'the error type importing the HTTP helpers',
    probe: {
      filePath: 'api/src/errors/layerProbe.ts',
      code: importing('RouteInput', '../http/route'),
    },
    refusal: /are the ground/,
  },
  {
    name: 'a deploy script importing the local host',
    probe: {
      filePath: 'scripts/layerProbe.ts',
      code: importing('TabServerOptions', '../api/src/local/tabServer'),
    },
    refusal: /nothing that deploys imports it/,
  },
  {
    name: 'the local host importing the route table',
    probe: {
      filePath: 'api/src/local/layerProbe.ts',
      code: importing('RouteDefinition', '../http/route'),
    },
    refusal: null,
  },
];

describe('API import boundaries', () => {
  const errors = boundaryErrors(cases.map((c) => c.probe));

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, index) => {
    const { refusal } = cases[index];
    if (refusal === null) expect(errors[index]).toEqual([]);
    else {
      expect(errors[index]).toHaveLength(1);
      expect(errors[index][0]).toMatch(refusal);
    }
  });
});
