/**
 * A console view's data from the server: loaded at once, again every `pollMs` while the
 * view is open (the device list updates by itself), and on demand after a decision.
 * Polling rather than server-sent events: several server instances may share one
 * database, and a small query every few seconds needs no fan-out between them.
 */
import { useCallback, useEffect, useState } from 'react';
import type * as z from 'zod/mini';
import { api } from '../../floor';
import { useSay, useT } from '../../i18n/useT';
import { SyncError } from '../../../sync/syncError';

export interface ConsoleQuery<T> {
  readonly data: T | null;
  readonly problem: string | null;
  readonly loadedAt: number | null;
  refresh(): void;
}

/**
 * Words for a console request that failed. The network gone, the server away or a
 * session ended are said as the floor says them. A refusal (4xx) carries the server's
 * own sentence, which says what to change (which field, which row, who saved since): it
 * is shown whole, introduced in the person's language (the server answers in English).
 */
function useConsoleSay(): (error: unknown) => string {
  const say = useSay();
  const t = useT();
  return useCallback(
    (error: unknown) => {
      const refusal = error instanceof SyncError && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 426;
      return refusal ? t('console.serverRefused', error.message) : say(error);
    },
    [say, t],
  );
}

export function useConsoleQuery<S extends z.ZodMiniType>(path: string | null, schema: S, pollMs: number | null = null): ConsoleQuery<z.output<S>> {
  const [data, setData] = useState<z.output<S> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [asked, setAsked] = useState(0);
  const say = useConsoleSay();
  useEffect(() => {
    if (path === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = async () => {
      try {
        const answer = await api.get(path, schema);
        // A path changed meanwhile stopped this loader (the effect's cleanup): its answer is not shown.
        if (stopped) return;
        setData(answer);
        setProblem(null);
        setLoadedAt(Date.now());
      } catch (error) {
        if (!stopped) setProblem(say(error));
      }
      if (!stopped && pollMs !== null) timer = setTimeout(() => void load(), pollMs);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [path, asked]); // eslint-disable-line react-hooks/exhaustive-deps
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { data, problem, loadedAt, refresh };
}

export interface ConsoleAction {
  readonly busy: boolean;
  readonly problem: string | null;
  /** The action's answer, or null when it failed (its problem is then shown). */
  run<T>(action: () => Promise<T>): Promise<T | null>;
  /** Posts a decision the server answers with no body; true when it was taken. */
  send(path: string, body: unknown): Promise<boolean>;
}

/** Runs a console action (a decision, an import): busy while it runs, its problem in words when it fails. */
export function useConsoleAction(): ConsoleAction {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const say = useConsoleSay();
  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | null> => {
      setBusy(true);
      setProblem(null);
      try {
        return await action();
      } catch (error) {
        setProblem(say(error));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [say],
  );
  const send = useCallback(
    async (path: string, body: unknown) =>
      (await run(async () => {
        await api.post(path, body, null);
        return true;
      })) === true,
    [run],
  );
  return { busy, problem, run, send };
}
