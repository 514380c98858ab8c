/**
 * The Users panel's logic, apart from React: a user as a form (a draft), the change a
 * draft asks for (only what differs, or nothing), the roles a manager may give, and a
 * change from the audit in words for the activity log. The server decides; this only
 * offers what it will allow.
 */
import { FLOOR_JOBS, ROLES, type FloorJob, type Role } from '../../../domain/people/roles';
import type { ManagedUserRow, UserChange, UserChangeEntry } from '../../../protocol/users';

export interface UserDraft {
  readonly displayName: string;
  readonly role: Role;
  readonly jobs: readonly FloorJob[];
  readonly warehouseIds: readonly string[];
}

export const draftOf = (user: ManagedUserRow): UserDraft => ({ displayName: user.displayName, role: user.role, jobs: user.jobs, warehouseIds: user.warehouseIds });

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** What saving the draft changes, or null when it changes nothing. */
export function changeOf(user: ManagedUserRow, draft: UserDraft): UserChange | null {
  const change: { -readonly [K in keyof UserChange]: UserChange[K] } = {};
  if (draft.displayName.trim() !== user.displayName) change.displayName = draft.displayName.trim();
  if (draft.role !== user.role) change.role = draft.role;
  if (!sameSet(draft.jobs, user.jobs)) change.jobs = FLOOR_JOBS.filter((job) => draft.jobs.includes(job));
  if (!sameSet(draft.warehouseIds, user.warehouseIds)) change.warehouseIds = [...draft.warehouseIds].sort();
  return Object.keys(change).length > 0 ? change : null;
}

/** Admins give any role; supervisors make workers only. */
export const rolesOffered = (myRole: Role): readonly Role[] => (myRole === 'admin' ? ROLES : ['worker']);

/** One item added to or taken from a list, for a checkbox. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

const FIELD_WORDS: Readonly<Record<string, string>> = { displayName: 'name', role: 'role', jobs: 'jobs', warehouseIds: 'warehouses', disabled: 'disabled' };

const shown = (value: unknown) => (Array.isArray(value) ? (value.length > 0 ? value.join(', ') : 'none') : value === null || value === undefined ? '—' : String(value));

/** "role: worker → supervisor; jobs: pick → pick, count", "added: …", "PIN reset". */
export function describeUserChange(entry: UserChangeEntry): string {
  if (entry.action === 'pin-reset') return 'PIN reset (their sessions ended)';
  if (entry.action === 'disabled') return 'disabled (their sessions ended)';
  if (entry.action === 'enabled' && Object.keys(entry.changes).length <= 1) return 'enabled';
  const parts = Object.entries(entry.changes)
    .filter(([field]) => !(field === 'disabled' && entry.action !== 'changed'))
    .map(([field, { from, to }]) => (entry.action === 'added' ? `${FIELD_WORDS[field] ?? field} ${shown(to)}` : `${FIELD_WORDS[field] ?? field}: ${shown(from)} → ${shown(to)}`));
  const prefix = entry.action === 'added' ? 'added: ' : entry.action === 'enabled' ? 'enabled; ' : '';
  return `${prefix}${parts.join('; ')}`;
}
