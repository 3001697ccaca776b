// Shared adapter for clients with ioredis's API (ioredis itself and forksafe-redis, which is a
// drop-in replacement). Both go through the same lines, so any difference measured between
// them comes from the client, not from the adapter.
import { tlsConnectOptions } from '../server.mjs';

/**
 * @param {() => Function} loadClass returns the client class (called inside the child process)
 * @param {object} extraOptions constructor options added to host/port/password
 */
export function ioredisApiAdapter(loadClass, extraOptions = {}) {
  return {
    load() {
      const RedisClass = loadClass();
      return {
        async open(endpoint) {
          const { host, port, password, username, db = 0 } = endpoint;
          const redis = new RedisClass({
            host,
            port,
            password,
            username,
            db,
            tls: endpoint.tls ? tlsConnectOptions(endpoint) : undefined,
            lazyConnect: true,
            ...extraOptions,
          });
          let errorEvents = 0;
          redis.on('error', () => {
            errorEvents++;
          });
          try {
            await redis.connect();
          } catch (err) {
            redis.disconnect();
            throw err;
          }
          return {
            get: (key) => redis.get(key),
            set: (key, value) => redis.set(key, value),
            lrange: (key, start, stop) => redis.lrange(key, start, stop),
            hgetall: (key) => redis.hgetall(key),
            blpop: (key, timeoutSeconds) => redis.blpop(key, timeoutSeconds),
            ping: () => redis.ping(),
            async pipeline(commands) {
              const pipeline = redis.pipeline();
              for (const [name, ...args] of commands) pipeline[name](...args);
              const replies = await pipeline.exec();
              // exec() resolves [[err, reply], ...]; a failed command must count as an error.
              for (const [err] of replies) if (err) throw err;
              return replies;
            },
            quit: () => redis.quit(),
            destroy: () => redis.disconnect(),
            get errorEvents() {
              return errorEvents;
            },
          };
        },
      };
    },
  };
}
