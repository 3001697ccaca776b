// forksafe-redis with `integrity: true`: every written batch ends with an ECHO token and replies are
// held until it comes back in place. Run beside plain forksafe-redis to show what integrity costs.
import { createRequire } from 'node:module';
import { ioredisApiAdapter } from './ioredis-api.mjs';

const require = createRequire(import.meta.url);

export const packageName = 'forksafe-redis';
export const describe = () => ({ package: 'forksafe-redis', version: require('../../package.json').version, options: { integrity: true } });
export const { load } = ioredisApiAdapter(() => require('../../built/main.js'), { integrity: true });
