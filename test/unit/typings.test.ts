/**
 * The public types are part of the contract: the compile-time checks in test/typing (exact reply
 * types, callback forms, pipeline chaining, @ts-expect-error on wrong arguments) must compile, and
 * so must the tests themselves (`npm run typecheck`), so a test cannot drift from the API it calls.
 * tsc runs as a child process, so a type regression fails `npm test` like any other test.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** What tsc prints for a project: empty when it compiles. */
function tscOutput(project: string): string {
  try {
    execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', project], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return '';
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
  }
}

describe('typings', () => {
  it('test/typing compiles against src with strict settings', () => {
    expect(tscOutput('tsconfig.typing.json')).toBe('');
  }, 60_000);

  it('the test suite itself typechecks (tsconfig.test.json)', () => {
    expect(tscOutput('tsconfig.test.json')).toBe('');
  }, 60_000);
});
