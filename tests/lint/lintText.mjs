// Lints made-up files with the project's own ESLint config through ESLint's Node API. Run as a
// child process by the boundary tests: Jest's module sandbox cannot load the ESM config file.
// Input (stdin): [{ filePath, code }]; output (stdout): each file's [{ ruleId, message }].
import { ESLint } from 'eslint';

const cwd = process.argv[2];
const cases = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd });
const results = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
