/**
 * PostgreSQL cannot store a NUL character in text (nor in JSON it must read), so a
 * request holding one anywhere is refused at the door, with where it is, rather than
 * failing deep in a query.
 */

/**
 * The path (e.g. "operations.3.payload.lot") of the first string holding a NUL, or null
 * when none does. `skip`: paths not looked into (a pushed step's payload, which the push
 * rejects step by step and keeps only as escaped text: repositories/deviceSync/storedPayload.ts).
 */
export function nulCharacterAt(value: unknown, skip: (path: string) => boolean = () => false): string | null {
  // A stack, not recursion: a body nested thousands deep must not overflow the checker.
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) return next.path;
    } else if (next.value !== null && typeof next.value === 'object') {
      for (const [key, child] of Object.entries(next.value)) {
        if (key.includes('\u0000')) return next.path === '' ? key.replaceAll('\u0000', '\\0') : `${next.path}.${key.replaceAll('\u0000', '\\0')}`;
        const path = next.path === '' ? key : `${next.path}.${key}`;
        if (!skip(path)) pending.push({ value: child, path });
      }
    }
  }
  return null;
}
