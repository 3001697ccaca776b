/**
 * What a command name tells the hot path, looked up once per name (CommandSpec): blocking (for
 * leases), read-only (for re-sends after a lost reply) and the special kinds the connection tracks.
 */
import { describe, expect, it } from 'vitest';
import { Command } from '../../src/commands/Command';

describe('command classification', () => {
  it('BLPOP and friends always block; XREAD and XREADGROUP only with a BLOCK argument', () => {
    expect(new Command('blpop', ['q', 1]).isBlocking).toBe(true);
    expect(new Command('bzpopmin', ['z', 0]).isBlocking).toBe(true);
    expect(new Command('xread', ['BLOCK', '100', 'STREAMS', 's', '$']).isBlocking).toBe(true);
    expect(new Command('xreadgroup', ['GROUP', 'g', 'c', Buffer.from('block'), 0, 'STREAMS', 's', '>']).isBlocking).toBe(true);
    expect(new Command('xread', ['COUNT', 1, 'STREAMS', 's', '0']).isBlocking).toBe(false);
    expect(new Command('get', ['block']).isBlocking).toBe(false);
    // WAIT counts acknowledgements of this connection's writes: it stays where they ran.
    expect(new Command('wait', [1, 0]).isBlocking).toBe(false);
  });

  it('read-only per the command table, unless a hint says otherwise (scripts)', () => {
    expect(new Command('get', ['k']).isReadOnly).toBe(true);
    expect(new Command('set', ['k', 'v']).isReadOnly).toBe(false);
    expect(new Command('evalsha', ['sha', 0], false, true).isReadOnly).toBe(true);
  });

  it('marks the commands the connection must notice, and nothing else', () => {
    expect(new Command('subscribe', ['c']).special).toBe('subscribe');
    expect(new Command('multi', []).special).toBe('multi');
    expect(new Command('select', [1]).special).toBe('select');
    expect(new Command('get', ['k']).special).toBeUndefined();
    expect(new Command('no-such-command', []).special).toBeUndefined();
  });
});
