/** The API's paths, written once for the server's routes and the device's client. */
export const apiPaths = {
  health: '/api/health',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  downloadManifest: (warehouseId: string) => `/api/warehouses/${encodeURIComponent(warehouseId)}/download`,
  downloadPage: (warehouseId: string, entity: string) =>
    `/api/warehouses/${encodeURIComponent(warehouseId)}/download/${entity}`,
  /** Route patterns the server registers for the paths above that take parameters. */
  routes: {
    downloadManifest: '/api/warehouses/:warehouseId/download',
    downloadPage: '/api/warehouses/:warehouseId/download/:entity',
  },
  supervisorDevices: '/api/supervisor/devices',
  caCertificate: '/ca.crt',
} as const;

/** Headers every authenticated request carries. */
export const authHeaders = {
  authorization: 'authorization',
  deviceId: 'x-device-id',
} as const;
