// The clients the harness knows, in report order. Each module exports the same interface:
//   describe() -> { package, version, options? }   cheap, reads package.json only
//   load()     -> { open(endpoint) -> client }     imports the client library (child process only)
// and an opened client has get, set, lrange, hgetall, blpop, ping, pipeline(commands), quit,
// destroy and errorEvents. bare-node-socket is a reference that only the sequential and large-value scenarios list.

export const CLIENTS = ['forksafe-redis', 'forksafe-redis-integrity', 'ioredis', 'ioredis-autopipeline', 'node-redis', 'bare-node-socket'];

export function loadAdapterModule(name) {
  if (!CLIENTS.includes(name)) throw new Error(`unknown client ${name}`);
  return import(`./${name}.mjs`);
}
