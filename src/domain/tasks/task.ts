export type TaskKind = 'pick' | 'putaway' | 'count';
export type TaskStatus = 'open' | 'in-progress' | 'done' | 'cancelled';

/** One line of a task. Which fields are set depends on the kind (see TaskKind). */
export interface TaskLine {
  readonly lineNo: number;
  /** pick: the bin to pick from; count: the bin to count; putaway: the suggested bin, if any. */
  readonly binCode: string | null;
  /** pick and putaway: the product; count: null (counts are blind per bin). */
  readonly productId: string | null;
  readonly lot: string | null;
  /** pick and putaway: the units to move; count: null. */
  readonly qty: number | null;
  /**
   * The server's progress of the line, from every device: units done (pick, putaway),
   * 1 for a counted bin. It may exceed `qty` when two devices worked the line (an
   * over-pick the supervisor sees). Absent in tasks stored before the server sent it.
   */
  readonly done?: number;
  /** The line closed short on the server, with the reason (a ShortReason); absent or null when not. */
  readonly short?: { readonly qty: number; readonly reason: string } | null;
}

/**
 * Work on a task that met someone else's: two devices over one line (an over-pick), or
 * a worker's step after a supervisor's decision (back to open, assigned to someone,
 * cancelled). Listed for the supervisor until resolved, and shown on the devices named.
 */
export interface TaskConflict {
  readonly kind: 'over-pick' | 'worked-after-decision';
  readonly lineNo: number | null;
  /** over-pick: units picked above the line's quantity. */
  readonly excess: number | null;
  /** The devices whose steps met, with who used them (over-pick: every device that picked the line). */
  readonly devices: readonly { readonly deviceId: string; readonly userName: string | null; readonly deviceName?: string | null }[];
  /** worked-after-decision: what the supervisor had decided. */
  readonly decision: { readonly status: TaskStatus; readonly assignedToName: string | null } | null;
  readonly at: string;
}

export interface Task {
  readonly id: string;
  readonly kind: TaskKind;
  /** The order, receipt or count reference a person recognises. */
  readonly reference: string;
  readonly status: TaskStatus;
  /** User id, or null when any worker may take it. */
  readonly assignedTo: string | null;
  /** The device that has the task (took it, or sent its first step), as the server last said; null before any. */
  readonly workedOnDevice: string | null;
  /** The name a supervisor gave `workedOnDevice` ("Pat's scanner 2"); null when unnamed, absent in tasks stored before the server sent it. */
  readonly workedOnDeviceName?: string | null;
  /** When the task must be done, an ISO instant (dueTime.ts); null when it has no due time, absent in tasks stored before. */
  readonly dueAt?: string | null;
  /** The display name of `assignedTo`, for "who has it"; absent in tasks stored before the server sent it. */
  readonly assignedToName?: string | null;
  /** Conflicts on the task not yet resolved by a supervisor; absent in tasks stored before. */
  readonly conflicts?: readonly TaskConflict[];
  readonly createdAt: string;
  readonly lines: readonly TaskLine[];
}
