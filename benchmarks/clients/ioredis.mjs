// ioredis with its defaults.
import { createRequire } from 'node:module';
import { ioredisApiAdapter } from './ioredis-api.mjs';

const require = createRequire(import.meta.url);

export const packageName = 'ioredis';
export const describe = () => ({ package: 'ioredis', version: require('ioredis/package.json').version });
export const { load } = ioredisApiAdapter(() => require('ioredis'));
