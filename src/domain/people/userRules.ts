/**
 * Who may manage which user, and what makes a PIN or a user name acceptable. The
 * server decides with these (console and command line alike); the console uses them
 * only to offer what the server will allow.
 *
 * - An admin manages every user, themselves included, except that nobody disables
 *   themselves or changes their own role (another admin does: a site is never left
 *   without the admin who was signed in).
 * - A supervisor manages workers only, and only workers every one of whose warehouses
 *   is one the supervisor works in; they may not make anyone a supervisor or an admin,
 *   nor grant a warehouse they do not work in.
 * - A PIN is 4 to 8 digits, not one digit repeated, not a straight run up or down,
 *   and not one of the PINs people choose most often.
 */
import type { Role } from './roles';

export interface UserManager {
  readonly id: string;
  readonly role: Role;
  readonly warehouseIds: readonly string[];
}

export interface ManagedUser {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly warehouseIds: readonly string[];
}

/** What a change asks for: the role and warehouses the user would have after it. */
export interface UserGrant {
  readonly role: Role;
  readonly warehouseIds: readonly string[];
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const USERNAME_RULE = 'A user name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.';

/** The PINs chosen most often (after repeats and runs, which are refused by rule). */
const COMMON_PINS = new Set(['1212', '1004', '2000', '6969', '1122', '1313', '2001', '1010', '1221', '2580', '0852', '5683', '123123', '112233', '121212', '159753', '147258', '123321', '11223344', '12341234']);

/** Why this PIN is refused, or null when it is acceptable. */
export function weakPinReason(pin: string): string | null {
  if (!/^\d{4,8}$/.test(pin)) return 'A PIN is 4 to 8 digits.';
  if (/^(\d)\1*$/.test(pin)) return 'A PIN of one digit repeated is guessed first: choose another.';
  const steps = new Set([...pin].slice(1).map((digit, i) => (Number(digit) - Number(pin[i]) + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'A PIN of digits in a row (like 1234 or 4321) is guessed first: choose another.';
  if (COMMON_PINS.has(pin)) return 'This PIN is one of the most common ones: choose another.';
  return null;
}

const notIn = (wanted: readonly string[], held: readonly string[]) => wanted.filter((id) => !held.includes(id));

/** Why `manager` may not manage `user` at all, or null when they may. */
export function refusalToManage(manager: UserManager, user: ManagedUser): string | null {
  if (manager.role === 'admin') return null;
  if (manager.role !== 'supervisor') return 'Only a supervisor or an admin manages users.';
  if (user.role !== 'worker') return `${user.username} is a ${user.role}: only an admin manages supervisors and admins.`;
  const elsewhere = notIn(user.warehouseIds, manager.warehouseIds);
  if (user.warehouseIds.length === 0 || elsewhere.length > 0) {
    return `${user.username} also works in ${elsewhere.join(', ') || 'no warehouse of yours'}, where you do not: ask an admin.`;
  }
  return null;
}

/** Why `manager` may not give a user this role and these warehouses, or null when they may. */
export function refusalToGrant(manager: UserManager, grant: UserGrant): string | null {
  if (grant.warehouseIds.length === 0) return 'A user works in at least one warehouse.';
  if (manager.role === 'admin') return null;
  if (manager.role !== 'supervisor') return 'Only a supervisor or an admin manages users.';
  if (grant.role !== 'worker') return `Only an admin makes a user a ${grant.role}.`;
  const elsewhere = notIn(grant.warehouseIds, manager.warehouseIds);
  if (elsewhere.length > 0) return `You do not work in ${elsewhere.join(', ')}, so you cannot grant it.`;
  return null;
}

/** Why `manager` may not disable `user` or change their role (themselves), or null. */
export function refusalOnSelf(manager: UserManager, user: ManagedUser, change: { readonly disable?: boolean; readonly role?: Role }): string | null {
  if (manager.id !== user.id) return null;
  if (change.disable) return 'You cannot disable yourself: another admin can.';
  if (change.role !== undefined && change.role !== user.role) return 'You cannot change your own role: another admin can.';
  return null;
}
