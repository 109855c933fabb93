/**
 * The project's own lint rules, run through ESLint with the real config on code that breaks them:
 * a rule that silently stopped applying (a config block replacing another's options, a resolver
 * that no longer finds files) fails here instead of letting the code through.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The ids of the rules `code` breaks, as if it were the file at `file` (relative to the project). */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const boundary = 'import-x/no-restricted-paths';

describe('import boundaries', () => {
  it('rejects a feature importing another feature by alias', async () => {
    const code = "export { calendarScope } from '@/features/schedule/lib/permissions';\n";
    expect(await brokenRules('src/features/staff/lib/example.ts', code)).toContain(boundary);
  });

  it('rejects a feature importing another feature by a relative path', async () => {
    const code = "export { calendarScope } from '../../schedule/lib/permissions';\n";
    expect(await brokenRules('src/features/staff/lib/example.ts', code)).toContain(boundary);
  });

  it('lets a feature import its own files and shared code', async () => {
    const code = "export { staffKeys } from '../keys';\nexport { errorMessage } from '@/lib/errors';\n";
    expect(await brokenRules('src/features/staff/lib/example.ts', code)).toEqual([]);
  });

  it('rejects shared code importing a feature or the app', async () => {
    const fromFeature = "export { staffKeys } from '@/features/staff/keys';\n";
    expect(await brokenRules('src/lib/example.ts', fromFeature)).toContain(boundary);
    expect(await brokenRules('src/components/example.ts', fromFeature)).toContain(boundary);
    const fromApp = "export { App } from '@/app/app';\n";
    expect(await brokenRules('src/lib/example.ts', fromApp)).toContain(boundary);
  });

  it('lets the app put features together', async () => {
    const code = "export { staffKeys } from '@/features/staff/keys';\n";
    expect(await brokenRules('src/app/example.ts', code)).toEqual([]);
  });
});

describe('no focused or skipped tests', () => {
  const focused = "import { it } from 'vitest';\nit.only('x', () => {});\nit.skip('y', () => {});\n";

  it.each(['src/lib/example.test.ts', 'src/features/staff/example.test.tsx', 'tests/e2e/example.spec.ts'])(
    'fails .only and .skip in %s',
    async (file) => {
      expect(await brokenRules(file, focused)).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
    },
  );
});
