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
  /** Route patterns the server registers for the paths above that take parameters. */
  routes: {
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
