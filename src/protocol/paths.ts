/** The API's paths, written once for the server's routes and the device's client. */
export const apiPaths = {
  health: '/api/health',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  downloadManifest: (warehouseId: string) => `/api/warehouses/${encodeURIComponent(warehouseId)}/download`,
  downloadPage: (warehouseId: string, entity: string) =>
    `/api/warehouses/${encodeURIComponent(warehouseId)}/download/${entity}`,
  countReviews: (warehouseId: string) => `/api/supervisor/warehouses/${encodeURIComponent(warehouseId)}/count-reviews`,
  countReviewDecision: (warehouseId: string, opId: string) => `/api/supervisor/warehouses/${encodeURIComponent(warehouseId)}/count-reviews/${opId}`,
  /** The console's paths within a warehouse: activity, chart, rejected, exceptions, tasks, people, import, export/stock.csv… */
  console: (warehouseId: string, rest: string) => `/api/supervisor/warehouses/${encodeURIComponent(warehouseId)}/${rest}`,
  deviceDetail: (deviceId: string) => `/api/supervisor/devices/${encodeURIComponent(deviceId)}`,
  /** A device's name, set in a warehouse the device works in. */
  deviceName: (warehouseId: string, deviceId: string) => `/api/supervisor/warehouses/${encodeURIComponent(warehouseId)}/devices/${encodeURIComponent(deviceId)}/name`,
  /** Users the signed-in supervisor or admin may see and manage (GET), a new one (POST). */
  users: '/api/supervisor/users',
  user: (userId: string) => `/api/supervisor/users/${encodeURIComponent(userId)}`,
  userPin: (userId: string) => `/api/supervisor/users/${encodeURIComponent(userId)}/pin`,
  /** Route patterns the server registers for the paths above that take parameters. */
  routes: {
    deviceDetail: '/api/supervisor/devices/:deviceId',
    deviceName: '/api/supervisor/warehouses/:warehouseId/devices/:deviceId/name',
    settings: '/api/supervisor/warehouses/:warehouseId/settings',
    warehouseChanges: '/api/supervisor/warehouses/:warehouseId/changes',
    user: '/api/supervisor/users/:userId',
    userPin: '/api/supervisor/users/:userId/pin',
    userChanges: '/api/supervisor/warehouses/:warehouseId/user-changes',
    activity: '/api/supervisor/warehouses/:warehouseId/activity',
    shiftChart: '/api/supervisor/warehouses/:warehouseId/chart',
    rejected: '/api/supervisor/warehouses/:warehouseId/rejected',
    resolveRejected: '/api/supervisor/warehouses/:warehouseId/rejected/:opId/resolve',
    exceptions: '/api/supervisor/warehouses/:warehouseId/exceptions',
    resolveFlag: '/api/supervisor/warehouses/:warehouseId/flags/:flagId/resolve',
    resolveTaskConflict: '/api/supervisor/warehouses/:warehouseId/task-conflicts/:conflictId/resolve',
    countReviewsBulk: '/api/supervisor/warehouses/:warehouseId/count-reviews-bulk',
    countReviewHistory: '/api/supervisor/warehouses/:warehouseId/count-reviews-history',
    deviations: '/api/supervisor/warehouses/:warehouseId/deviations',
    resolveDeviation: '/api/supervisor/warehouses/:warehouseId/deviations/:deviationId/resolve',
    tasks: '/api/supervisor/warehouses/:warehouseId/tasks',
    tasksFromCsv: '/api/supervisor/warehouses/:warehouseId/tasks-csv',
    assignTask: '/api/supervisor/warehouses/:warehouseId/tasks/:taskId/assign',
    people: '/api/supervisor/warehouses/:warehouseId/people',
    importCsv: '/api/supervisor/warehouses/:warehouseId/import',
    exportStock: '/api/supervisor/warehouses/:warehouseId/export/stock.csv',
    exportLedger: '/api/supervisor/warehouses/:warehouseId/export/ledger.csv',
    countReviews: '/api/supervisor/warehouses/:warehouseId/count-reviews',
    countReviewDecision: '/api/supervisor/warehouses/:warehouseId/count-reviews/:opId',
    downloadManifest: '/api/warehouses/:warehouseId/download',
    downloadPage: '/api/warehouses/:warehouseId/download/:entity',
  },
  syncPush: '/api/sync/push',
  syncPull: '/api/sync/pull',
  supervisorDevices: '/api/supervisor/devices',
  caCertificate: '/ca.crt',
} as const;

/** Headers every authenticated request carries. */
export const authHeaders = {
  authorization: 'authorization',
  deviceId: 'x-device-id',
} as const;
