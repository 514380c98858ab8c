/**
 * Users managed from the console and the command line: list, add, change (name, role,
 * jobs, warehouses, disabled) and reset a PIN. Who may do what is decided by
 * `domain/people/userRules.ts` against the user as it is inside the transaction (its
 * row locked), so two supervisors changing one user take turns and each is judged on
 * what the other left. Every change writes its audit row in the same transaction;
 * disabling a user or resetting their PIN ends every session they hold.
 * User names are unique whatever their case (a unique index on lower(username)): of
 * two adds of one name at once, the second finds the first's row and is refused.
 */
import { forgetWrongPins } from '../signInAttempts';
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../storage/database';
import { FLOOR_JOBS, type FloorJob, type Role } from '../../../domain/people/roles';
import { refusalOnSelf, refusalToGrant, refusalToManage, type ManagedUser, type UserManager } from '../../../domain/people/userRules';
import type { ManagedUserRow, NewUser, UserChange, UserList } from '../../../protocol/users';
import { ApiProblem } from '../../problems';
import { differences, recordUserChange, type UserActor } from './userAudit';

/** Who is managing: their name for the audit, their role and warehouses for the rules. */
export interface Manager {
  readonly actor: UserActor;
  readonly role: Role;
  readonly warehouseIds: readonly string[];
}

type StoredUser = Omit<ManagedUserRow, 'notManageable' | 'disabledAt' | 'createdAt' | 'pinChangedAt'> & {
  disabledAt: Date | null;
  createdAt: Date;
  pinChangedAt: Date | null;
};

const USER_SQL = `
  select u.id, u.username, u.display_name as "displayName", u.role, u.jobs,
         array(select uw.warehouse_id from user_warehouses uw where uw.user_id = u.id order by uw.warehouse_id) as "warehouseIds",
         u.disabled_at as "disabledAt", u.created_at as "createdAt", u.pin_changed_at as "pinChangedAt"
    from users u`;

const rulesView = (manager: Manager): UserManager => ({ id: manager.actor.id ?? '', role: manager.role, warehouseIds: manager.warehouseIds });
const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
const jobsInOrder = (jobs: readonly FloorJob[]) => FLOOR_JOBS.filter((job) => jobs.includes(job));
const distinctSorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/** The signed-in user as a manager, with the warehouses they work in now. */
export async function managerOf(db: Queryable, user: { userId: string; username: string; role: Role }): Promise<Manager> {
  const rows = await db.query<{ warehouseId: string }>('select warehouse_id as "warehouseId" from user_warehouses where user_id = $1', [user.userId]);
  return { actor: { id: user.userId, name: user.username }, role: user.role, warehouseIds: rows.map((r) => r.warehouseId) };
}

/** Every user an admin may see; for a supervisor, the users of their warehouses. */
export async function listUsers(db: Queryable, manager: Manager): Promise<UserList> {
  const all = manager.role === 'admin';
  const users = await db.query<StoredUser>(
    `${USER_SQL} where $1 or exists (select 1 from user_warehouses uw where uw.user_id = u.id and uw.warehouse_id = any($2::text[])) order by lower(u.username)`,
    [all, [...manager.warehouseIds]],
  );
  const grantable = await db.query<{ id: string; code: string; name: string }>('select id, code, name from warehouses where $1 or id = any($2::text[]) order by code', [
    all,
    [...manager.warehouseIds],
  ]);
  const rules = rulesView(manager);
  return {
    users: users.map((u) => ({ ...u, disabledAt: iso(u.disabledAt), createdAt: iso(u.createdAt)!, pinChangedAt: iso(u.pinChangedAt), notManageable: refusalToManage(rules, u) })),
    grantable,
  };
}

async function requireWarehouses(tx: Queryable, warehouseIds: readonly string[]): Promise<void> {
  const known = await tx.query<{ id: string }>('select id from warehouses where id = any($1::text[])', [[...warehouseIds]]);
  const unknown = warehouseIds.filter((id) => !known.some((w) => w.id === id));
  if (unknown.length > 0) throw new ApiProblem(422, 'invalid-data', `There is no warehouse ${unknown.join(', ')}.`);
}

async function lockedUser(tx: Queryable, userId: string): Promise<StoredUser> {
  const [user] = await tx.query<StoredUser>(`${USER_SQL} where u.id = $1 for update of u`, [userId]);
  if (!user) throw new ApiProblem(404, 'not-found', `There is no user ${userId}.`);
  return user;
}

const refuse = (reason: string | null) => {
  if (reason !== null) throw new ApiProblem(403, 'forbidden', reason);
};

async function endSessions(tx: Queryable, userId: string, because: 'disabled' | 'pin-reset'): Promise<void> {
  await tx.query('update device_sessions set revoked_at = now(), ended_because = $2 where user_id = $1 and revoked_at is null', [userId, because]);
}

/** Adds a user; the PIN comes hashed. Answers the new user's id. */
export async function addUser(db: Database, manager: Manager, input: Omit<NewUser, 'pin'> & { pinHash: string }): Promise<string> {
  const warehouseIds = distinctSorted(input.warehouseIds);
  const jobs = jobsInOrder(input.jobs);
  refuse(refusalToGrant(rulesView(manager), { role: input.role, warehouseIds }));
  return db.transaction(async (tx) => {
    await requireWarehouses(tx, warehouseIds);
    const id = `u-${randomUUID()}`;
    // Any unique violation (the name in any case) leaves the row out rather than failing the transaction.
    const [row] = await tx.query<{ id: string }>(
      `insert into users (id, username, display_name, role, jobs, pin_hash, pin_changed_at) values ($1, $2, $3, $4, $5::text[], $6, now())
       on conflict do nothing returning id`,
      [id, input.username, input.displayName, input.role, jobs, input.pinHash],
    );
    if (!row) throw new ApiProblem(409, 'conflict', `There is already a user named ${input.username} (names are the same whatever their case): choose another name.`);
    await tx.query('insert into user_warehouses (user_id, warehouse_id) select $1, unnest($2::text[])', [id, warehouseIds]);
    const changes = differences({}, { displayName: input.displayName, role: input.role, jobs, warehouseIds });
    await recordUserChange(tx, { actor: manager.actor, userId: id, username: input.username, action: 'added', changes, warehouseIds });
    return id;
  });
}

/** Changes what the request names; the rest stays. Nothing changed writes nothing. */
export async function changeUser(db: Database, manager: Manager, userId: string, change: UserChange): Promise<void> {
  const rules = rulesView(manager);
  await db.transaction(async (tx) => {
    const user = await lockedUser(tx, userId);
    refuse(refusalToManage(rules, user as ManagedUser));
    refuse(refusalOnSelf(rules, user as ManagedUser, { disable: change.disabled === true, ...(change.role ? { role: change.role } : {}) }));
    const before = { displayName: user.displayName, role: user.role, jobs: user.jobs, warehouseIds: user.warehouseIds, disabled: user.disabledAt !== null };
    const after = {
      displayName: change.displayName ?? before.displayName,
      role: change.role ?? before.role,
      jobs: change.jobs ? jobsInOrder(change.jobs) : before.jobs,
      warehouseIds: change.warehouseIds ? distinctSorted(change.warehouseIds) : before.warehouseIds,
      disabled: change.disabled ?? before.disabled,
    };
    refuse(refusalToGrant(rules, after));
    await requireWarehouses(tx, after.warehouseIds);
    const changes = differences(before, after);
    if (Object.keys(changes).length === 0) return;
    await tx.query(
      `update users set display_name = $2, role = $3, jobs = $4::text[],
              disabled_at = case when $5 then coalesce(disabled_at, now()) end, disabled_by = case when $5 then coalesce(disabled_by, $6) end
        where id = $1`,
      [userId, after.displayName, after.role, after.jobs, after.disabled, manager.actor.name],
    );
    if (changes.warehouseIds) {
      await tx.query('delete from user_warehouses where user_id = $1', [userId]);
      await tx.query('insert into user_warehouses (user_id, warehouse_id) select $1, unnest($2::text[])', [userId, after.warehouseIds]);
    }
    if (after.disabled && !before.disabled) await endSessions(tx, userId, 'disabled');
    const action = changes.disabled ? (after.disabled ? 'disabled' : 'enabled') : 'changed';
    await recordUserChange(tx, { actor: manager.actor, userId, username: user.username, action, changes, warehouseIds: [...before.warehouseIds, ...after.warehouseIds] });
  });
}

/** Sets a new PIN (hashed already) and ends the user's sessions: every device signs in again with it. */
export async function resetPin(db: Database, manager: Manager, userId: string, pinHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockedUser(tx, userId);
    refuse(refusalToManage(rulesView(manager), user as ManagedUser));
    await tx.query('update users set pin_hash = $2, pin_changed_at = now() where id = $1', [userId, pinHash]);
    await endSessions(tx, userId, 'pin-reset');
    await forgetWrongPins(tx, user.username);
    await recordUserChange(tx, { actor: manager.actor, userId, username: user.username, action: 'pin-reset', changes: {}, warehouseIds: user.warehouseIds });
  });
}

/** The id of the user with this name (in any case), for the command line. */
export async function userIdByName(db: Queryable, username: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from users where lower(username) = lower($1)', [username]);
  if (!row) throw new ApiProblem(404, 'not-found', `There is no user named ${username}.`);
  return row.id;
}
