import { version } from '../../package.json';

/** The app's version: the device reports it, the server shows it in /api/health. */
export const APP_VERSION: string = version;
