/*
 * The package entry for CommonJS, in ioredis's shape: `require('forksafe-redis')` is the Redis
 * class itself, with `.default`, `.Redis`, `.Cluster`, `.Command` and every error class on it.
 * The ESM entry (index.mjs) re-exports these same objects, so both module systems share one class.
 */
import * as api from './index';

const entry = Object.assign(api.Redis, api, { default: api.Redis });
export = entry;
