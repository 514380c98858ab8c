/**
 * The interface's words in English: the catalogue every other language must match,
 * key for key and argument for argument (zh.ts is checked against it by the compiler).
 */
export const en = {
  'language.name': 'English',
  'nav.back': 'Back to home',
  'status.device': 'Device status',
  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.waiting': (n: number) => `${n} waiting`,
  'status.synced': (when: string) => `Synced ${when}`,
  'status.never': 'never',
  'home.jobs': 'Jobs',
  'home.putaway': 'Putaway',
  'home.pick': 'Pick',
  'home.count': 'Count',
  'home.tasks': (n: number) => `${n} tasks`,
  'home.find': 'Find',
  'home.findHint': 'Product or bin',
  'home.settings': 'Settings and device',
  'settings.title': 'Settings',
  'settings.user': 'User',
  'settings.warehouse': 'Warehouse',
  'settings.version': 'App version',
  'settings.device': 'Device',
  'settings.language': 'Language',
  'settings.storageKept': 'Storage kept',
  'settings.storageUsed': 'Storage used',
  'settings.storageOf': (used: string, quota: string) => `${used} of ${quota}`,
  'settings.unknown': 'unknown',
  'settings.persistedUnknown': 'Unknown (this browser cannot tell)',
  'settings.persistedYes': 'Yes — the browser will not delete the data',
  'settings.persistedNo': 'No — the browser may delete the data when space runs low',
  'settings.askPersist': 'Ask to keep storage',
  'settings.scannerTest': 'Scanner test and sound',
  'settings.signOut': 'Sign out',
};

export type Messages = { readonly [K in keyof typeof en]: (typeof en)[K] };
export type MessageKey = keyof Messages;
