/**
 * The device's client for the server's API: adds the session headers, checks every
 * answer against the shared protocol schema, and turns every failure into a
 * SyncError with a reason. Nothing above this file sees fetch or HTTP statuses.
 */
import type * as z from 'zod/mini';
import { authHeaders } from '../protocol/paths';
import { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER } from '../protocol/versionNumbers';
import { SyncError } from './syncError';

export interface Credentials {
  readonly token: string;
  readonly deviceId: string;
}

export interface ApiClient {
  get<S extends z.ZodMiniType>(path: string, schema: S, options?: { signal?: AbortSignal }): Promise<z.output<S>>;
  post<S extends z.ZodMiniType>(path: string, body: unknown, schema: S | null, options?: { signal?: AbortSignal }): Promise<z.output<S> | null>;
}

/** The console's files: a CSV export, as text. */
export interface FileClient {
  getText(path: string): Promise<string>;
}

/** A request that has not been answered by then is given up (and tried again later): a lost network can leave one hanging. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** `protocolVersion`: the version this build speaks (tests play an older app with another). */
export function createApiClient(credentials: () => Credentials | null, baseUrl = '', timeoutMs = REQUEST_TIMEOUT_MS, protocolVersion = PROTOCOL_VERSION): ApiClient & FileClient {
  async function request<S extends z.ZodMiniType>(method: string, path: string, body: unknown, schema: S | null | 'text', caller?: AbortSignal): Promise<z.output<S> | null> {
    if (caller?.aborted) throw new SyncError('aborted', 'Stopped.');
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    // Reading a body whose request was aborted can hang in some fetch implementations;
    // the caller is answered the moment it stops, whatever the body does.
    let onAbort: () => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () =>
        reject(timeout.aborted && !caller?.aborted ? new SyncError('server-unavailable', `The server did not answer within ${Math.round(timeoutMs / 1000)} s. The device tries again by itself.`) : new SyncError('aborted', 'Stopped.'));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([exchange(method, path, body, schema, signal), stopped]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async function exchange<S extends z.ZodMiniType>(method: string, path: string, body: unknown, schema: S | null | 'text', signal?: AbortSignal): Promise<z.output<S> | null> {
    const headers: Record<string, string> = { accept: schema === 'text' ? 'text/csv, text/plain' : 'application/json', [PROTOCOL_VERSION_HEADER]: String(protocolVersion) };
    const current = credentials();
    if (current) {
      headers[authHeaders.authorization] = `Bearer ${current.token}`;
      headers[authHeaders.deviceId] = current.deviceId;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: signal ?? null, cache: 'no-store' });
    } catch (error) {
      if (signal?.aborted) throw new SyncError(signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError' ? 'server-unavailable' : 'aborted', 'Stopped.');
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      throw new SyncError(offline ? 'offline' : 'server-unavailable', offline ? 'The device is offline. Work goes on; it syncs when the network is back.' : `The server cannot be reached (${error instanceof Error ? error.message : 'network error'}). The device tries again by itself.`);
    }
    if (!response.ok) throw await errorOf(response);
    if (schema === 'text') return (await response.text()) as z.output<S>;
    if (schema === null || response.status === 204) return null;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new SyncError('bad-response', `The server's answer to ${path} was not JSON.`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncError('bad-response', `The server's answer to ${path} is not what this app version expects (${parsed.error.issues[0]?.message ?? 'unknown'}). Update the app.`, response.status);
    }
    return parsed.data;
  }

  return {
    get: async (path, schema, options) => (await request('GET', path, undefined, schema, options?.signal))!,
    post: (path, body, schema, options) => request('POST', path, body, schema, options?.signal),
    getText: async (path) => (await request<z.ZodMiniString>('GET', path, undefined, 'text')) ?? '',
  };
}

async function errorOf(response: Response): Promise<SyncError> {
  const body: unknown = await response.json().catch(() => null);
  // Loaded with the first refusal: the first screen's code carries no schema library.
  const { apiErrorSchema } = await import('../protocol/errors');
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) return new SyncError(parsed.data.error.reason, parsed.data.error.message, response.status, parsed.data.error.retryAfterSeconds ?? null, parsed.data.error.busy === true);
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    return new SyncError('server-unavailable', `The server is not available right now (HTTP ${response.status}). The device tries again by itself.`, response.status);
  }
  return new SyncError('server-error', `The server answered HTTP ${response.status}.`, response.status);
}
