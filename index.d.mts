import { Redis } from './built/index.js';

export * from './built/index.js';
export default Redis;
