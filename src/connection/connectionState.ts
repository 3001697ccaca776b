/**
 * The connection's states and the only moves between them.
 *
 *            connect()                 socket up              handshake done
 *   idle ───────────────► connecting ───────────► handshaking ───────────► ready
 *    │                      │  ▲                      │                     │ quit()
 *    │ disconnect()         │  │ timer                │                     ▼
 *    │                      ▼  │                      ▼                  closing
 *    │                  disconnected ◄───────────────────────────────────────┘
 *    │                   │        │ retryStrategy gives a delay
 *    │     gave up/manual│        ▼
 *    └──────────────► closed ◄── waitingToReconnect
 *
 *   connecting/handshaking/ready ──(owner pid ≠ current pid)──► inherited ──► connecting | closed
 *
 * `disconnected` is the moment between a socket's close and the decision to retry; `inherited`
 * is a socket opened by another process, dropped with destroy() and never written to.
 */
export type ConnectionState =
  | 'idle'
  | 'connecting'
  | 'handshaking'
  | 'ready'
  | 'closing'
  | 'disconnected'
  | 'waitingToReconnect'
  | 'closed'
  | 'inherited';

/** ioredis's public `status` values. */
export type RedisStatus = 'wait' | 'connecting' | 'connect' | 'ready' | 'close' | 'reconnecting' | 'end' | 'disconnecting';

const allowedMoves: Record<ConnectionState, readonly ConnectionState[]> = {
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

export const connectionStates = Object.keys(allowedMoves) as ConnectionState[];

export function canMove(from: ConnectionState, to: ConnectionState): boolean {
  return allowedMoves[from].includes(to);
}

export class IllegalStateMoveError extends Error {
  constructor(from: ConnectionState, to: ConnectionState, reason: string) {
    super(`connection cannot move from ${from} to ${to} (${reason}); allowed from ${from}: ${allowedMoves[from].join(', ') || 'none'}`);
    this.name = 'IllegalStateMoveError';
  }
}

/** The ioredis `status` a user sees for each state. */
export function statusOf(state: ConnectionState): RedisStatus {
  switch (state) {
    case 'idle':
      return 'wait';
    case 'connecting':
      return 'connecting';
    case 'handshaking':
      return 'connect';
    case 'ready':
      return 'ready';
    case 'closing':
      return 'disconnecting';
    case 'disconnected':
    case 'inherited':
      return 'close';
    case 'waitingToReconnect':
      return 'reconnecting';
    case 'closed':
      return 'end';
  }
}

/** States in which the socket may carry user commands right now. */
export function isWritable(state: ConnectionState): boolean {
  return state === 'ready';
}
