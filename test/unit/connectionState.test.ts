/**
 * The state table, pair by pair. The expected moves are written out here from the diagram in
 * connectionState.ts, independently of the table in the source, so a changed table fails a test.
 */
import { describe, expect, it } from 'vitest';
import {
  canMove,
  connectionStates,
  IllegalStateMoveError,
  isWritable,
  statusOf,
  type ConnectionState,
  type RedisStatus,
} from '../../src/connection/connectionState';

const allStates: ConnectionState[] = [
  'idle', 'connecting', 'handshaking', 'ready', 'closing', 'disconnected', 'waitingToReconnect', 'closed', 'inherited',
];

const expectedMoves: Record<ConnectionState, ConnectionState[]> = {
  idle: ['connecting', 'closed'],
  connecting: ['handshaking', 'disconnected', 'inherited'],
  handshaking: ['ready', 'disconnected', 'inherited'],
  ready: ['closing', 'disconnected', 'inherited'],
  closing: ['disconnected'],
  disconnected: ['waitingToReconnect', 'closed'],
  waitingToReconnect: ['connecting', 'closed', 'inherited'],
  closed: ['connecting'],
  inherited: ['connecting', 'closed'],
};

const expectedStatus: Record<ConnectionState, RedisStatus> = {
  idle: 'wait',
  connecting: 'connecting',
  handshaking: 'connect',
  ready: 'ready',
  closing: 'disconnecting',
  disconnected: 'close',
  waitingToReconnect: 'reconnecting',
  closed: 'end',
  inherited: 'close',
};

describe('connection state table', () => {
  it('lists exactly the nine states', () => {
    expect([...connectionStates].sort()).toEqual([...allStates].sort());
  });

  for (const from of allStates) {
    for (const to of allStates) {
      const allowed = expectedMoves[from].includes(to);
      it(`${from} -> ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canMove(from, to)).toBe(allowed);
      });
    }
  }

  it('allows no state to move to itself', () => {
    for (const state of allStates) expect(canMove(state, state)).toBe(false);
  });

  it('reaches every state from idle', () => {
    const seen = new Set<ConnectionState>(['idle']);
    const frontier: ConnectionState[] = ['idle'];
    while (frontier.length > 0) {
      const from = frontier.pop()!;
      for (const to of allStates) {
        if (canMove(from, to) && !seen.has(to)) {
          seen.add(to);
          frontier.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...allStates].sort());
  });

  it('names both states and the allowed ones in an illegal move error', () => {
    const error = new IllegalStateMoveError('closing', 'ready', 'test');
    expect(error.name).toBe('IllegalStateMoveError');
    expect(error.message).toContain('from closing to ready');
    expect(error.message).toContain('(test)');
    expect(error.message).toContain('allowed from closing: disconnected');
  });
});

describe('statusOf (ioredis status per state)', () => {
  for (const state of allStates) {
    it(`${state} shows as "${expectedStatus[state]}"`, () => {
      expect(statusOf(state)).toBe(expectedStatus[state]);
    });
  }

  it('lets only ready carry user commands', () => {
    expect(allStates.filter(isWritable)).toEqual(['ready']);
  });
});
