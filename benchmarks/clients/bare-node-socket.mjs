// A reference, not a client: a bare net.Socket read into one reused buffer (net's onread), a
// minimal RESP reader (rawResp.mjs) and one promise per command: benchmarks/server.mjs's raw
// connection, the one the harness itself uses for seeding. It has no features at all, so in the
// sequential and large-value scenarios it shows what an awaited round trip costs in Node itself;
// the distance from it to a client is that client's own cost.
import { openRaw } from '../server.mjs';

export const packageName = 'node:net';
export const describe = () => ({ package: 'node:net onread + minimal RESP reader', version: process.version });

export function load() {
  return {
    async open(endpoint) {
      const conn = await openRaw(endpoint, { timeoutMs: 60_000 });
      return {
        get: (key) => conn.call('GET', key),
        set: (key, value) => conn.call('SET', key, value),
        ping: () => conn.call('PING'),
        quit: async () => {
          await conn.call('QUIT').catch(() => {});
          conn.close();
        },
        destroy: () => conn.close(),
        errorEvents: 0,
      };
    },
  };
}
