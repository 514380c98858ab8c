/**
 * The Users panel's logic, apart from React: a user as a form (a draft), the change a
 * draft asks for (only what differs, or nothing), the roles a manager may give, and a
 * change from the audit in words for the activity log, in the person's language. The server decides; this only
 * offers what it will allow.
 */
// The console's words load with the console's code.
import '../../i18n/consoleWords';
import { FLOOR_JOBS, ROLES, type FloorJob, type Role } from '../../../domain/people/roles';
import type { ManagedUserRow, UserChange, UserChangeEntry } from '../../../protocol/users';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/language';
import { jobWords, roleWords } from './stepWords';

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

/**
 * Why the signed-in supervisor may not manage this user, in words (the server decided it,
 * domain/people/userRules.ts refusalToManage): another role, or a warehouse not theirs.
 */
export function whyNotManageable(t: Translate, user: Pick<ManagedUserRow, 'username' | 'role' | 'warehouseIds'>, myWarehouseIds: readonly string[]): string {
  if (user.role !== 'worker') return t('console.users.onlyAdmin', user.username, roleWords(t, user.role));
  const elsewhere = user.warehouseIds.filter((id) => !myWarehouseIds.includes(id));
  return t('console.users.askAdmin', user.username, elsewhere.join(t('console.listSeparator')));
}

/** Admins give any role; supervisors make workers only. */
export const rolesOffered = (myRole: Role): readonly Role[] => (myRole === 'admin' ? ROLES : ['worker']);

/** One item added to or taken from a list, for a checkbox. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

const FIELD_WORDS: Readonly<Record<string, MessageKey>> = {
  displayName: 'console.field.displayName',
  role: 'console.field.role',
  jobs: 'console.field.jobs',
  warehouseIds: 'console.field.warehouseIds',
  disabled: 'console.field.disabled',
};

/** A value before or after, in words: roles and jobs translated, lists joined, nothing as "none" or "—". */
function shown(t: Translate, field: string, value: unknown): string {
  const word = (item: unknown) => (field === 'role' ? roleWords(t, String(item)) : field === 'jobs' ? jobWords(t, String(item)) : typeof item === 'boolean' ? t(item ? 'console.yes' : 'console.no') : String(item));
  if (Array.isArray(value)) return value.length > 0 ? value.map(word).join(t('console.listSeparator')) : t('console.noneOf');
  return value === null || value === undefined ? '—' : word(value);
}

/** "role: worker → supervisor; jobs: pick → pick, count", "added: …", "PIN reset": a change from the audit in the person's language. */
export function describeUserChange(t: Translate, entry: UserChangeEntry): string {
  if (entry.action === 'pin-reset') return t('console.userChange.pinReset');
  if (entry.action === 'disabled') return t('console.userChange.disabled');
  if (entry.action === 'enabled' && Object.keys(entry.changes).length <= 1) return t('console.userChange.enabled');
  const fieldWords = (field: string) => (FIELD_WORDS[field] ? t(FIELD_WORDS[field]!) : field);
  const parts = Object.entries(entry.changes)
    .filter(([field]) => !(field === 'disabled' && entry.action !== 'changed'))
    .map(([field, { from, to }]) => (entry.action === 'added' ? t('console.userChange.addedField', fieldWords(field), shown(t, field, to)) : t('console.change.field', fieldWords(field), shown(t, field, from), shown(t, field, to))))
    .join(t('console.clauseSeparator'));
  return entry.action === 'added' ? t('console.userChange.added', parts) : entry.action === 'enabled' ? t('console.userChange.enabledAnd', parts) : parts;
}
