/**
 * A cluster whose nodes require a password: `redisOptions.password` reaches every node client
 * (masters, replicas read with scaleReads, the subscriber); without it the connect fails with the
 * server's NOAUTH named per node, and the password never appears in errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { startCluster, stopAllClusters, type RedisCluster } from '../fixtures/redisCluster';

let fixture: RedisCluster;
const password = 'cluster-secret-7f3a';

beforeAll(async () => {
  fixture = await startCluster({ password });
});
afterAll(() => stopAllClusters());

describe('cluster with a password', () => {
  it('authenticates every node client from redisOptions', async () => {
    const client = new Cluster(fixture.startupNodes.slice(0, 1), { redisOptions: { password }, scaleReads: 'all' });
    await Promise.all(Array.from({ length: 50 }, (_, i) => client.set(`a:${i}`, String(i))));
    await fixture.waitForReplication();
    const values = await Promise.all(Array.from({ length: 50 }, (_, i) => client.get(`a:${i}`)));
    expect(values).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
    const received: string[] = [];
    client.on('message', (_channel: string, message: string) => received.push(message));
    await client.subscribe('c');
    await client.publish('c', 'hello');
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual(['hello']);
    await client.quit();
  });

  it('without the password: NOAUTH per node, the client ends, no secret in any error', async () => {
    const client = new Cluster(fixture.startupNodes.slice(0, 2), { clusterRetryStrategy: () => null, redisOptions: { password: 'wrong-password' } });
    const nodeErrors: Array<[string, Error]> = [];
    client.on('node error', (error: Error, node: string) => nodeErrors.push([node, error]));
    client.on('error', () => undefined);
    const error = (await client.get('k').catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('None of startup nodes is available');
    expect(nodeErrors.length).toBeGreaterThan(0);
    for (const [node, nodeError] of nodeErrors) {
      expect(fixture.startupNodes.slice(0, 2).map((n) => `${n.host}:${n.port}`)).toContain(node);
      expect(nodeError.message).toMatch(/WRONGPASS|NOAUTH|invalid password|Connection is closed|Reached the max retries/);
      expect(JSON.stringify(nodeError) + String(nodeError.stack)).not.toContain('wrong-password');
    }
  });
});
