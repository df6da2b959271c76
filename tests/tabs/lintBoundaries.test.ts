import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The tab's layer rules (eslint.config.mjs, "Tab layers") fail a wrong-way import: a feature that
 * reaches into another feature is refused, the same feature importing the kit and the contract is
 * not. ESLint's Node API loads the project's eslint.config.mjs by dynamic import, which Jest's
 * module sandbox refuses, so it runs in a node process of its own.
 */
const ROOT = join(__dirname, '..', '..');
const BOARD_FILE = join(ROOT, 'tabs', 'src', 'board', 'LintProbe.tsx');
const PROBES = {
  otherFeature:
    "import { visibleMembers } from '../team/teamLogic';\n\nexport const probe = visibleMembers;\n",
  appShell:
    "import { BoardScreen } from '../app/BoardPage';\n\nexport const probe = BoardScreen;\n",
  apiInternals:
    "import { readLocalPorts } from '../../../api/src/config';\n\nexport const probe = readLocalPorts;\n",
  allowed: [
    "import { LIMITS } from '@contract/boardContract';",
    "import { groupByHorizon } from './boardLogic';",
    "import { HORIZON_ORDER } from '../common/boardText';",
    "import { useSession } from '../common/session';",
    '',
    'export const probe = [LIMITS, groupByHorizon, HORIZON_ORDER, useSession];',
    '',
  ].join('\n'),
};
type Probe = keyof typeof PROBES;

// Lints every probe in one ESLint run (loading the config takes seconds), as if it were BOARD_FILE.
const LINT_PROBES = `
  import { ESLint } from 'eslint';
  const [probes, filePath] = process.argv.slice(1);
  const eslint = new ESLint({ cwd: process.cwd() });
  const found = {};
  for (const [name, code] of Object.entries(JSON.parse(probes))) {
    const [result] = await eslint.lintText(code, { filePath });
    found[name] = result.messages;
  }
  process.stdout.write(JSON.stringify(found));
`;

let boundaryErrors: Record<Probe, string[]>;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', LINT_PROBES, JSON.stringify(PROBES), BOARD_FILE],
    { cwd: ROOT },
  );
  const found = JSON.parse(stdout) as Record<Probe, { ruleId: string | null; message: string }[]>;
  boundaryErrors = Object.fromEntries(
    Object.entries(found).map(([name, messages]) => [
      name,
      messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message),
    ]),
  ) as Record<Probe, string[]>;
});

describe('tab import boundaries', () => {
  test('a board file importing the team feature is refused', () => {
    const errors = boundaryErrors.otherFeature;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('../team/teamLogic');
    expect(errors[0]).toContain('not another feature or the app shell');
  });

  test('a board file importing the app shell is refused', () => {
    expect(boundaryErrors.appShell).toHaveLength(1);
  });

  test('a board file importing API code other than the contract is refused', () => {
    const errors = boundaryErrors.apiInternals;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only the API contract');
  });

  test('a board file importing the kit, its own feature and the contract passes', () => {
    expect(boundaryErrors.allowed).toEqual([]);
  });
});
