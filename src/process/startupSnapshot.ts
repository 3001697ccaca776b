import * as v8 from 'node:v8';

/**
 * Node startup snapshots (`node --build-snapshot`): sockets cannot live in a snapshot, and the
 * restored process has a new PID. Clients created while the snapshot is built register here; the
 * serialize callback drops their sockets (destroy only, nothing written) and the first command
 * after restore dials afresh with the full handshake.
 */
export interface SnapshotParticipant {
  suspendForSnapshot(): void;
}

const participants = new Set<WeakRef<SnapshotParticipant>>();
let registered = false;

export function isBuildingSnapshot(): boolean {
  const snapshot = (v8 as { startupSnapshot?: { isBuildingSnapshot(): boolean } }).startupSnapshot;
  return snapshot !== undefined && snapshot.isBuildingSnapshot();
}

export function joinSnapshot(participant: SnapshotParticipant): void {
  participants.add(new WeakRef(participant));
  if (registered) return;
  registered = true;
  v8.startupSnapshot.addSerializeCallback(() => {
    for (const ref of participants) ref.deref()?.suspendForSnapshot();
    participants.clear();
  });
}
