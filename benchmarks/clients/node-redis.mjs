// node-redis (the `redis` package) with its defaults: one connection per client instance.
import { createRequire } from 'node:module';
import { tlsConnectOptions } from '../server.mjs';

const require = createRequire(import.meta.url);

export const packageName = 'redis';
export const describe = () => ({ package: 'redis', version: require('redis/package.json').version });

export function load() {
  const { createClient } = require('redis');
  return {
    async open(endpoint) {
      const { host, port, password, username, db = 0 } = endpoint;
      const socket = endpoint.tls ? { host, port, tls: true, ...tlsConnectOptions(endpoint) } : { host, port };
      const client = createClient({ socket, password, username, database: db });
      let errorEvents = 0;
      // Without a listener node-redis's 'error' events would crash the process.
      client.on('error', () => {
        errorEvents++;
      });
      try {
        await client.connect();
      } catch (err) {
        client.destroy();
        throw err;
      }
      return {
        get: (key) => client.get(key),
        set: (key, value) => client.set(key, value),
        lrange: (key, start, stop) => client.lRange(key, start, stop),
        hgetall: (key) => client.hGetAll(key),
        blpop: (key, timeoutSeconds) => client.blPop(key, timeoutSeconds),
        ping: () => client.ping(),
        // multi() + execAsPipeline() sends the commands as one batch, without MULTI/EXEC.
        pipeline(commands) {
          const batch = client.multi();
          for (const [name, ...args] of commands) batch[name](...args);
          return batch.execAsPipeline();
        },
        quit: () => client.quit(),
        destroy: () => client.destroy(),
        get errorEvents() {
          return errorEvents;
        },
      };
    },
  };
}
