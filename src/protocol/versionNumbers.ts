/**
 * The app's and the protocol's version numbers (see version.ts for the policy), apart
 * from the schemas so the first screen's code needs no schema library to name them.
 */
import { version } from '../../package.json';

/** The app's version: the device reports it, the server shows it in /api/health. */
export const APP_VERSION: string = version;

/** The version of the push and pull messages this build sends and reads. */
export const PROTOCOL_VERSION = 1;

/** The protocol of apps made before the header existed. */
export const UNVERSIONED_PROTOCOL = 1;

/** Every request of the device carries its protocol version in this header. */
export const PROTOCOL_VERSION_HEADER = 'x-protocol-version';
