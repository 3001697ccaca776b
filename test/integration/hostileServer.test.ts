/**
 * A peer that is not a well-behaved Redis: garbage, a length of 99999999999, a negative length,
 * deep nesting, a reply that runs past its length, an unsolicited reply, half a reply and then
 * silence. Each gives a clear error with context; none crashes, hangs, or hands a command a wrong
 * reply; and a command in flight is never re-sent to a server that just sent garbage.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  CommandTimeoutError,
  ConnectionLostError,
  MaxRetriesPerRequestError,
  ProtocolError,
  Redis,
} from '../../src/index';
import { MAX_REPLY_DEPTH } from '../../src/protocol/ReplyReader';
import { closeAllFakeServers, handshakeReply, reply, startFakeServer, type FakeConnection, type FakeServer } from '../fixtures/fakeServer';

const clients: Redis[] = [];

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await closeAllFakeServers();
});

/**
 * A fake server answering GET/GETDEL <key> with the key itself, except for the key "bad", which
 * gets `hostile`. With `stallAfterHostile`, that connection answers nothing more.
 */
async function serverWith(hostile: (conn: FakeConnection) => void, stallAfterHostile = false): Promise<FakeServer> {
  const stalled = new Set<FakeConnection>();
  return startFakeServer({
    onCommand: (command, conn) => {
      if (stalled.has(conn)) return;
      const name = (command[0] ?? '').toUpperCase();
      const isRead = name === 'GET' || name === 'GETDEL';
      if (isRead && command[1] === 'bad') {
        hostile(conn);
        if (stallAfterHostile) stalled.add(conn);
        return;
      }
      if (isRead) {
        conn.write(reply.bulk(command[1] ?? ''));
        return;
      }
      conn.write(handshakeReply(command, conn) ?? reply.error(`ERR unknown command '${command[0] ?? ''}'`));
    },
  });
}

function clientOf(server: FakeServer, options: ConstructorParameters<typeof Redis>[0] & object = {}): { client: Redis; errors: Error[] } {
  const client = new Redis({ host: '127.0.0.1', port: server.port, retryStrategy: () => 10, ...options });
  clients.push(client);
  const errors: Error[] = [];
  client.on('error', (error: Error) => errors.push(error));
  return { client, errors };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    const value = await promise;
    throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
  } catch (error) {
    return error as Error;
  }
}

function getsOf(server: FakeServer, key: string): number {
  return server.commands.filter(({ command }) => command[0]?.toUpperCase() === 'GET' && command[1] === key).length;
}

const hostileReplies: Array<{ label: string; bytes: Buffer | string; options?: { maxReplyBytes?: number }; reason: RegExp }> = [
  { label: 'garbage', bytes: 'hello world\r\n', reason: /unexpected byte "h" where a reply type/ },
  { label: 'a RESP3 reply to a RESP2 client', bytes: '_\r\n', reason: /unexpected byte "_"/ },
  { label: '$99999999999 under a small maxReplyBytes', bytes: '$99999999999\r\n', options: { maxReplyBytes: 1024 }, reason: /a bulk reply of 99999999999 bytes was announced, over maxReplyBytes \(1024\)/ },
  { label: '$99999999999 under the default maxReplyBytes', bytes: '$99999999999\r\n', reason: /a bulk reply of 99999999999 bytes was announced, over maxReplyBytes \(536870912\)/ },
  { label: 'a negative bulk length other than -1', bytes: '$-5\r\n', reason: /a bulk reply announced length -5/ },
  { label: 'a negative array length other than -1', bytes: '*-3\r\n', reason: /an array reply announced length -3/ },
  { label: 'a non-numeric length', bytes: '$1x\r\n', reason: /unexpected byte "x" in the length/ },
  { label: '100000 levels of nesting', bytes: reply.nested(100_000), reason: new RegExp(`arrays nested deeper than ${MAX_REPLY_DEPTH} levels`) },
  { label: 'a bulk longer than its length', bytes: '$3\r\nbadbad\r\n', reason: /runs past its announced length/ },
];

describe('malformed replies', () => {
  for (const hostile of hostileReplies) {
    it(`${hostile.label}: ProtocolError with context, the GET fails unsent-again, the next socket works`, async () => {
      const server = await serverWith((conn) => conn.write(hostile.bytes));
      const { client, errors } = clientOf(server, hostile.options);
      expect(await client.get('before')).toBe('before');

      const error = await failureOf(client.get('bad'));
      expect(error).toBeInstanceOf(ConnectionLostError);
      const lost = error as ConnectionLostError;
      expect(lost.context.command).toEqual({ name: 'get', args: ['bad'] });
      expect(lost.context.written).toBe(true);
      expect(lost.context.mayHaveExecuted).toBe(true);
      expect(lost.message).toMatch(/^protocol error \(/);
      expect(lost.cause).toBeInstanceOf(ProtocolError);

      const protocolErrors = errors.filter((e) => e instanceof ProtocolError) as ProtocolError[];
      expect(protocolErrors).toHaveLength(1);
      const protocol = protocolErrors[0]!;
      expect(protocol.code).toBe('ERR_PROTOCOL');
      expect(protocol.message).toMatch(hostile.reason);
      expect(protocol.message).toMatch(new RegExp(`^protocol error from 127\\.0\\.0\\.1:${server.port} \\(conn \\d+, client id \\d+, pid ${process.pid}\\): GET written`));
      expect(protocol.context.endpoint).toBe(`127.0.0.1:${server.port}`);
      expect(protocol.context.command).toEqual({ name: 'get', args: ['bad'] });

      // A new socket; every later reply belongs to its own command.
      const after = await Promise.all(['a', 'b', 'c'].map((key) => client.get(key)));
      expect(after).toEqual(['a', 'b', 'c']);
      expect(getsOf(server, 'bad')).toBe(1);
      expect(server.connectionCount).toBe(2);
    });
  }

  it('a reply nobody asked for fails the socket; no command receives it', async () => {
    const server = await startFakeServer({
      onCommand: (command, conn) => {
        if ((command[0] ?? '').toUpperCase() === 'PING') {
          conn.write('+PONG\r\n+UNSOLICITED\r\n');
          return;
        }
        if ((command[0] ?? '').toUpperCase() === 'GET') {
          conn.write(reply.bulk(command[1] ?? ''));
          return;
        }
        conn.write(handshakeReply(command, conn) ?? reply.error('ERR unknown command'));
      },
    });
    const { client, errors } = clientOf(server);
    expect(await client.ping()).toBe('PONG');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const protocol = errors.find((e) => e instanceof ProtocolError) as ProtocolError | undefined;
    expect(protocol?.message).toMatch(/a reply arrived with no command waiting for it/);
    expect(await client.get('x')).toBe('x');
  });

  it('several commands in flight all fail with the cause when garbage arrives; none gets a wrong reply', async () => {
    const server = await serverWith((conn) => conn.write('$-2\r\n'));
    const { client } = clientOf(server);
    await client.ping().catch(() => undefined);
    // A pipeline: the first GET gets the garbage, the ones behind it must not get anything else.
    const results = await Promise.allSettled([client.get('bad'), client.incr('n'), client.get('behind')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const result of results) {
      const reason = (result as PromiseRejectedResult).reason as ConnectionLostError;
      expect(reason).toBeInstanceOf(ConnectionLostError);
      expect(reason.cause).toBeInstanceOf(ProtocolError);
      expect(reason.context.inFlight).toBe(3);
    }
    expect((results[0] as PromiseRejectedResult).reason.context.command.name).toBe('get');
    expect((results[1] as PromiseRejectedResult).reason.context.command.name).toBe('incr');
  });
});

describe('half a reply, then silence', () => {
  it('commandTimeout rejects with CommandTimeoutError naming the bytes received; the commands behind it time out too, none hangs', async () => {
    const server = await serverWith((conn) => conn.write('$10\r\nhello'), true);
    const { client } = clientOf(server, { commandTimeout: 300 });
    expect(await client.get('before')).toBe('before');
    const error = await failureOf(client.get('bad'));
    expect(error).toBeInstanceOf(CommandTimeoutError);
    const timeout = error as CommandTimeoutError;
    expect(timeout.message).toBe('Command timed out');
    expect(timeout.code).toBe('ERR_COMMAND_TIMEOUT');
    expect(timeout.context.command).toEqual({ name: 'get', args: ['bad'] });
    expect(timeout.context.written).toBe(true);
    expect(timeout.context.partialReplyBytes).toBe(10); // "$10\r\n" and "hello"
    expect(timeout.stack?.split('\n')[0]).toMatch(/GET written \d+ ms ago, no reply \(10 bytes of it received\)/);
    const behind = await failureOf(client.get('next'));
    expect(behind).toBeInstanceOf(CommandTimeoutError);
    expect((behind as CommandTimeoutError).context.partialReplyBytes).toBe(0);
    expect((behind as CommandTimeoutError).context.inFlight).toBe(2);
  });

  it('when the server resumes with the next reply, the half bulk cannot swallow it: ProtocolError, no wrong value', async () => {
    const server = await serverWith((conn) => conn.write('$10\r\nhello'));
    const { client, errors } = clientOf(server, { commandTimeout: 300 });
    expect(await client.get('before')).toBe('before');
    expect(await failureOf(client.get('bad'))).toBeInstanceOf(CommandTimeoutError);
    // "$4\r\nnext\r\n" lands inside the 10 announced bytes, and the CRLF that must follow is missing.
    const next = await failureOf(client.get('next'));
    expect(next).toBeInstanceOf(ConnectionLostError);
    expect(next.cause).toBeInstanceOf(ProtocolError);
    expect(errors.find((e) => e instanceof ProtocolError)?.message).toMatch(/runs past its announced length/);
    expect(await client.get('after')).toBe('after');
  });

  it('without commandTimeout, socketTimeout closes the stalled socket; a write fails with the bytes received', async () => {
    const server = await serverWith((conn) => conn.write('$10\r\nhello'));
    const { client, errors } = clientOf(server, { socketTimeout: 300 });
    expect(await client.get('before')).toBe('before');
    const error = await failureOf(client.getdel('bad'));
    expect(error).toBeInstanceOf(ConnectionLostError);
    const lost = error as ConnectionLostError;
    expect(lost.context.partialReplyBytes).toBe(10);
    expect(lost.context.mayHaveExecuted).toBe(true);
    expect(lost.message).toMatch(/^socket timeout \(300 ms without data\) from .*GETDEL written \d+ ms ago, no reply \(10 bytes of it received\)/);
    expect(errors.some((e) => e.name === 'SocketTimeoutError')).toBe(true);
    expect(await client.get('after')).toBe('after');
  });

  it('a read-only GET stalled every time is re-sent at most maxRetriesPerRequest times', async () => {
    const server = await serverWith((conn) => conn.write('$10\r\nhello'));
    const { client } = clientOf(server, { socketTimeout: 200, maxRetriesPerRequest: 2 });
    const error = await failureOf(client.get('bad'));
    expect(error).toBeInstanceOf(MaxRetriesPerRequestError);
    expect((error as MaxRetriesPerRequestError).context.partialReplyBytes).toBe(10);
    expect(getsOf(server, 'bad')).toBe(3);
  });
});
