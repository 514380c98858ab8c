/**
 * What the screens show of the outbox and the task lists, read here so the UI never
 * touches a table itself (a lint rule keeps it so): the status bar's counts, the sync
 * screen's lists, and the open tasks per job on Home.
 */
import type { FloorJob } from '../domain/people/roles';
import type { FloorDb, OutboxEntry } from './floorDb';
import { deleteRecord, readRecord, writeRecord } from './syncState';

export async function readStatusBarFacts(db: FloorDb) {
  const [pending, oldest, rejected, lastSyncAt] = await Promise.all([
    db.outbox.where('status').equals('pending').count(),
    db.outbox.where('status').equals('pending').first(),
    db.outbox.where('status').equals('rejected').count(),
    readRecord(db, 'lastSyncAt'),
  ]);
  return { pending, oldestAt: oldest?.createdAt ?? null, rejected, lastSyncAt };
}

/** The sync screen's lists: steps waiting (the first `shown`), rejected and in review, oldest first. */
export async function readOutboxLists(db: FloorDb, shown: number): Promise<{ pending: OutboxEntry[]; pendingCount: number; rejected: OutboxEntry[]; review: OutboxEntry[] }> {
  const [pending, pendingCount, rejected, review] = await Promise.all([
    db.outbox.where('status').equals('pending').limit(shown).sortBy('deviceSeq'),
    db.outbox.where('status').equals('pending').count(),
    db.outbox.where('status').equals('rejected').sortBy('deviceSeq'),
    db.outbox.where('status').equals('review').sortBy('deviceSeq'),
  ]);
  return { pending, pendingCount, rejected, review };
}

/** Open and in-progress tasks this user may work, per job. */
export async function countOpenTasks(db: FloorDb, userId: string): Promise<Record<FloorJob, number>> {
  const tasks = await db.tasks.where('status').anyOf('open', 'in-progress').toArray();
  const counts = { pick: 0, putaway: 0, count: 0 } as Record<FloorJob, number>;
  for (const task of tasks) if (task.assignedTo === null || task.assignedTo === userId) counts[task.kind as FloorJob] = (counts[task.kind as FloorJob] ?? 0) + 1;
  return counts;
}

/** The oldest sequence number the outbox still holds, or null when it is empty. */
export async function oldestOutboxSeq(db: FloorDb): Promise<number | null> {
  return (await db.outbox.orderBy('deviceSeq').first())?.deviceSeq ?? null;
}

/** The newest sequence number the outbox holds, or null when it is empty. */
export async function newestOutboxSeq(db: FloorDb): Promise<number | null> {
  return (await db.outbox.orderBy('deviceSeq').last())?.deviceSeq ?? null;
}

export async function catalogIsEmpty(db: FloorDb): Promise<boolean> {
  return (await db.productBlocks.count()) === 0;
}

/**
 * The server's data is another set now, or the same one restored from a backup: the
 * warehouse is downloaded again; the outbox stays. After a restore (the same epoch)
 * the next push also checks the server still holds the acknowledged steps.
 */
export async function markResyncNeeded(db: FloorDb, epoch: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const before = await readRecord(db, 'download');
    if (before?.dataEpoch === epoch) await writeRecord(db, 'resendCheck', now.toISOString());
    await writeRecord(db, 'resyncNeeded', epoch);
    await deleteRecord(db, 'download');
    await deleteRecord(db, 'pullCursor');
  });
}
