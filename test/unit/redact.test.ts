/**
 * Secrets never leave the library: every command that carries a password has it replaced, in the
 * full argument list (`err.command.args`) and in the short summary (`err.context.command`, debug).
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactArgs, secretArgumentIndexes, summarizeArgs } from '../../src/commands/redact';

const SECRET = 's3cr3t-pw';
const SECRET2 = 'other-s3cr3t';

interface Case {
  label: string;
  name: string;
  args: Array<string | number | Buffer>;
  /** The arguments as shown, with (redacted) where a secret was. */
  shown: Array<string | number>;
}

const cases: Case[] = [
  { label: 'AUTH password', name: 'auth', args: [SECRET], shown: [REDACTED] },
  { label: 'AUTH username password', name: 'auth', args: ['alice', SECRET], shown: [REDACTED, REDACTED] },
  { label: 'AUTH with a Buffer password', name: 'auth', args: [Buffer.from(SECRET)], shown: [REDACTED] },
  {
    label: 'HELLO 3 AUTH user pass SETNAME',
    name: 'hello',
    args: ['3', 'AUTH', 'alice', SECRET, 'SETNAME', 'conn'],
    shown: ['3', 'AUTH', REDACTED, REDACTED, 'SETNAME', 'conn'],
  },
  { label: 'HELLO with lower-case auth', name: 'hello', args: [3, 'auth', 'default', SECRET], shown: [3, 'auth', REDACTED, REDACTED] },
  { label: 'HELLO without AUTH', name: 'hello', args: ['3', 'SETNAME', 'x'], shown: ['3', 'SETNAME', 'x'] },
  {
    label: 'ACL SETUSER with >, <, # and ! rules',
    name: 'acl',
    args: ['SETUSER', 'alice', 'on', `>${SECRET}`, `<${SECRET2}`, '#abcd', '!ef01', '~*', '+@all'],
    shown: ['SETUSER', 'alice', 'on', REDACTED, REDACTED, REDACTED, REDACTED, '~*', '+@all'],
  },
  { label: 'ACL SETUSER with a Buffer rule', name: 'acl', args: ['setuser', 'bob', Buffer.from(`>${SECRET}`)], shown: ['setuser', 'bob', REDACTED] },
  { label: 'ACL GETUSER (no secret)', name: 'acl', args: ['GETUSER', 'alice'], shown: ['GETUSER', 'alice'] },
  {
    label: 'CONFIG SET requirepass and masterauth among others',
    name: 'config',
    args: ['SET', 'maxmemory', '10mb', 'requirepass', SECRET, 'MASTERAUTH', SECRET2, 'masteruser', 'repl'],
    shown: ['SET', 'maxmemory', '10mb', 'requirepass', REDACTED, 'MASTERAUTH', REDACTED, 'masteruser', REDACTED],
  },
  { label: 'CONFIG GET requirepass (no secret sent)', name: 'config', args: ['GET', 'requirepass'], shown: ['GET', 'requirepass'] },
  {
    label: 'MIGRATE … AUTH password',
    name: 'migrate',
    args: ['10.0.0.2', 6379, '', 0, 5000, 'COPY', 'AUTH', SECRET, 'KEYS', 'a', 'b'],
    shown: ['10.0.0.2', 6379, '', 0, 5000, 'COPY', 'AUTH', REDACTED, 'KEYS', 'a', 'b'],
  },
  {
    label: 'MIGRATE … AUTH2 username password',
    name: 'migrate',
    args: ['10.0.0.2', 6379, 'k', 0, 5000, 'AUTH2', 'alice', SECRET],
    shown: ['10.0.0.2', 6379, 'k', 0, 5000, 'AUTH2', REDACTED, REDACTED],
  },
  { label: 'a command without secrets', name: 'set', args: ['auth', SECRET], shown: ['auth', SECRET] },
];

describe('redactArgs (err.command.args)', () => {
  for (const c of cases) {
    it(c.label, () => {
      const shown = redactArgs(c.name, c.args).map((arg) => (Buffer.isBuffer(arg) ? arg.toString() : arg));
      expect(shown).toEqual(c.shown);
    });
  }

  it('never changes the caller’s array', () => {
    const args = ['alice', SECRET];
    redactArgs('auth', args);
    expect(args).toEqual(['alice', SECRET]);
  });

  it('ignores AUTH / AUTH2 as the last MIGRATE word (nothing after it to hide)', () => {
    expect(secretArgumentIndexes('migrate', ['h', 1, 'k', 0, 10, 'AUTH'])).toEqual([]);
    expect(secretArgumentIndexes('migrate', ['h', 1, 'k', 0, 10, 'AUTH2', 'u'])).toEqual([6]);
  });
});

describe('summarizeArgs (err.context.command.args, debug output)', () => {
  for (const c of cases) {
    it(`${c.label}: secrets redacted in the summary too`, () => {
      const summary = summarizeArgs(c.name, c.args);
      const expected = c.shown.slice(0, 8).map(String);
      if (c.shown.length > 8) expected.push(`… ${c.shown.length - 8} more`);
      expect(summary).toEqual(expected);
      if (c.name !== 'set') expect(summary.join(' ')).not.toContain(SECRET);
    });
  }

  it('hides a secret that sits beyond the eighth argument (it is cut, never shown)', () => {
    const args = ['SET', 'a', '1', 'b', '2', 'c', '3', 'd', 'requirepass', SECRET];
    const summary = summarizeArgs('config', args);
    expect(summary).toHaveLength(9);
    expect(summary[8]).toBe('… 2 more');
    expect(summary.join(' ')).not.toContain(SECRET);
  });

  it('cuts long values and describes Buffers by size', () => {
    const long = 'x'.repeat(100);
    const [first, second] = summarizeArgs('set', [long, Buffer.alloc(1024)]);
    expect(first).toBe(`${'x'.repeat(64)}… (100 chars)`);
    expect(second).toBe('<Buffer 1024 bytes>');
  });
});
