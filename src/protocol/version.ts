/**
 * Versions. The app version (package.json) names a build; the protocol version names
 * the shape of the messages a device sends and reads on push and pull, and is raised
 * only when a message changes so that an older reader would misread it.
 *
 * Policy (README, "Protocol versions"): a server reads every protocol version from
 * `oldest` to `newest` (its own). A device of an older version than `oldest` is
 * answered 426 `update-required`: its steps stay on the device until the new app,
 * which brings them to its own version, sends them. A request without the header
 * comes from an app made before the header: protocol 1, which servers read today, so
 * those apps keep syncing until a server stops reading protocol 1.
 */
import { z } from './zod';
import { PROTOCOL_VERSION, UNVERSIONED_PROTOCOL } from './versionNumbers';

export { APP_VERSION, PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER, UNVERSIONED_PROTOCOL } from './versionNumbers';

export const protocolRangeSchema = z.object({ oldest: z.int().check(z.positive()), newest: z.int().check(z.positive()) });
export type ProtocolRange = z.infer<typeof protocolRangeSchema>;

/**
 * What this build's server reads. Raising `oldest` stops reading older devices: do it
 * only in a release after the one that can bring their steps to the new form, and
 * never while devices of that version may still hold unsent steps (see the README).
 */
export const READABLE_PROTOCOL: ProtocolRange = { oldest: 1, newest: PROTOCOL_VERSION };

/** The header's value as a version, or null when it is not a whole number; no header at all is protocol 1. */
export function protocolVersionOf(header: string | readonly string[] | undefined): number | null {
  if (header === undefined) return UNVERSIONED_PROTOCOL;
  const text = typeof header === 'string' ? header : header.length === 1 ? header[0]! : '';
  return /^[1-9]\d{0,5}$/.test(text.trim()) ? Number(text.trim()) : null;
}
