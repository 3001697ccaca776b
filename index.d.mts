// ESM typings. built/index.d.ts is a CommonJS declaration file: its default import would be the
// module object under NodeNext, so the class is imported by name.
import { Redis } from './built/index.js';

export * from './built/index.js';
export default Redis;
