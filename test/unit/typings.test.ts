/**
 * The public types are part of the contract: the compile-time checks in test/typing (exact reply
 * types, callback forms, pipeline chaining, @ts-expect-error on wrong arguments) must compile.
 * tsc runs as a child process, so a type regression fails `npm test` like any other test.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

describe('typings', () => {
  it('test/typing compiles against src with strict settings', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.typing.json'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      output = `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
    }
    expect(output).toBe('');
  }, 60_000);
});
