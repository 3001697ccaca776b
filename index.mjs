// ESM entry: the same class objects as the CommonJS build (no second copy of any class).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Redis = require('./built/main.js');

export default Redis;
export const {
  Command,
  Cluster,
  RedisError,
  ReplyError,
  ConnectionError,
  ConnectError,
  ConnectTimeoutError,
  SocketError,
  ConnectionLostError,
  ConnectionClosedError,
  CommandTimeoutError,
  SocketTimeoutError,
  MaxRetriesPerRequestError,
  OfflineQueueFullError,
  OfflineQueueDisabledError,
  SubscriberModeError,
  ProtocolError,
  InheritedConnectionError,
  ReplyDesyncError,
  LeaseTimeoutError,
  PoolBreakerOpenError,
  MovedError,
  AskError,
  ClusterError,
  ClusterRedirectionError,
  ClusterAllFailedError,
  CrossSlotError,
  ClusterUnavailableError,
} = Redis;
export { Redis };
