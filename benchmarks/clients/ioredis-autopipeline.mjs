// ioredis with enableAutoPipelining: commands issued in one tick go out in one write.
import { createRequire } from 'node:module';
import { ioredisApiAdapter } from './ioredis-api.mjs';

const require = createRequire(import.meta.url);

export const packageName = 'ioredis';
export const describe = () => ({
  package: 'ioredis',
  version: require('ioredis/package.json').version,
  options: { enableAutoPipelining: true },
});
export const { load } = ioredisApiAdapter(() => require('ioredis'), { enableAutoPipelining: true });
