// forksafe-redis from this package's compiled output (`npm run build` writes built/).
import { createRequire } from 'node:module';
import { ioredisApiAdapter } from './ioredis-api.mjs';

const require = createRequire(import.meta.url);

export const packageName = 'forksafe-redis';
export const describe = () => ({ package: 'forksafe-redis', version: require('../../package.json').version });
export const { load } = ioredisApiAdapter(() => {
  const exported = require('../../built/main.js');
  // CommonJS output exports the class itself; accept the named and default shapes too.
  const RedisClass = typeof exported === 'function' ? exported : (exported.Redis ?? exported.default);
  if (typeof RedisClass !== 'function') {
    throw new Error('built/main.js does not export a Redis class');
  }
  return RedisClass;
});
