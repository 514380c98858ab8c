import { floorData } from './0001_floor_data';
import { warehouseSettings } from './0002_warehouse_settings';
import { sync } from './0003_sync';
import { consoleTables } from './0004_console';
import { floorIntegrity } from './0005_floor_integrity';
import { taskOwnership } from './0006_task_ownership';
import { safePayloads } from './0007_safe_payloads';
import { userManagement } from './0008_user_management';
import { signInAttempts } from './0010_signin_attempts';
import { changeHistory } from './0009_history';
import { namesAndSettings } from './0011_names_and_settings';
import { taskDueTimes } from './0012_task_due_times';

/** Versioned migrations, applied in order at start. Never edit one that has shipped: add the next. */
export const migrations: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  { version: 1, name: 'floor data', sql: floorData },
  { version: 2, name: 'warehouse settings', sql: warehouseSettings },
  { version: 3, name: 'sync', sql: sync },
  { version: 4, name: 'supervisor console', sql: consoleTables },
  { version: 5, name: 'floor integrity', sql: floorIntegrity },
  { version: 6, name: 'task ownership', sql: taskOwnership },
  { version: 7, name: 'safe payloads', sql: safePayloads },
  { version: 8, name: 'user management', sql: userManagement },
  { version: 9, name: 'change history', sql: changeHistory },
  { version: 10, name: 'sign-in attempts', sql: signInAttempts },
  { version: 11, name: 'device names and warehouse settings', sql: namesAndSettings },
  { version: 12, name: 'task due times', sql: taskDueTimes },
];
