import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const major = (version: string) => /(\d+)/.exec(version)?.[1];

describe('the runtime we deploy is the runtime we test', () => {
  const deployed = /param nodeVersion string = '(\d+)'/.exec(read('infra/azure.bicep'))?.[1];
  const pkg = JSON.parse(read('package.json')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };

  it('deploys Node 22 on Flex Consumption', () => {
    expect(deployed).toBe('22');
  });

  it('pins the npm node package, which npm scripts put first on PATH, to that major', () => {
    expect(major(pkg.devDependencies.node ?? '')).toBe(deployed);
    expect(major(pkg.devDependencies['@types/node'] ?? '')).toBe(deployed);
    expect(major(pkg.engines.node)).toBe(deployed);
  });

  it('runs these tests on that major (npm test, npx jest)', () => {
    expect(major(process.version)).toBe(deployed);
  });
});
