/**
 * Who may do what. The server decides; the device only uses this to show the
 * screens a user can use. A supervisor can do every floor job as well.
 */
export type Role = 'worker' | 'supervisor' | 'admin';
export type FloorJob = 'pick' | 'putaway' | 'count';

export const ROLES: readonly Role[] = ['worker', 'supervisor', 'admin'];
export const FLOOR_JOBS: readonly FloorJob[] = ['pick', 'putaway', 'count'];

export function isSupervisor(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

export function mayDo(user: { readonly role: Role; readonly jobs: readonly FloorJob[] }, job: FloorJob): boolean {
  return isSupervisor(user.role) || user.jobs.includes(job);
}
