/**
 * PostgreSQL cannot store a NUL character in text (nor in JSON it must read), so a
 * request holding one anywhere is refused at the door, with where it is, rather than
 * failing deep in a query.
 */

/** The path (e.g. "operations.3.payload.lot") of the first string holding a NUL, or null when none does. */
export function nulCharacterAt(value: unknown): string | null {
  // A stack, not recursion: a body nested thousands deep must not overflow the checker.
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) return next.path;
    } else if (next.value !== null && typeof next.value === 'object') {
      for (const [key, child] of Object.entries(next.value)) {
        if (key.includes('\u0000')) return next.path === '' ? key.replaceAll('\u0000', '\\0') : `${next.path}.${key.replaceAll('\u0000', '\\0')}`;
        pending.push({ value: child, path: next.path === '' ? key : `${next.path}.${key}` });
      }
    }
  }
  return null;
}
