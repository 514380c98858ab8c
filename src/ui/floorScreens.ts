/**
 * Every screen after the first (sign-in, Home): one chunk the app loads once Home is up
 * (App.tsx), precached like the rest. One chunk rather than one per screen: each chunk
 * costs its glue in the precache, and they are all loaded together anyway.
 */
export { FindScreen } from './features/find/FindScreen';
export { SettingsScreen } from './features/settings/SettingsScreen';
export { TaskListScreen } from './features/tasks/TaskListScreen';
export { ScannerScreen } from './features/scanner/ScannerScreen';
export { PickScreen } from './features/pick/PickScreen';
export { CountScreen } from './features/count/CountScreen';
export { PutawayScreen } from './features/putaway/PutawayScreen';
export { TakeTaskGate } from './features/tasks/TakeTaskGate';
export { SyncScreen } from './features/sync/SyncScreen';
