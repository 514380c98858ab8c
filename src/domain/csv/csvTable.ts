/**
 * CSV as supervisors' spreadsheets write it (RFC 4180): quoted fields may hold the
 * delimiter, quotes ("" inside quotes) and line breaks; lines end with CRLF or LF; a
 * UTF-8 byte-order mark is dropped. The delimiter is a comma, or a semicolon when the
 * header line has more semicolons than commas (spreadsheets in many European locales
 * save so). Each row keeps the line of the file it starts on, so a report can say
 * "line 14" and the person finds it in their editor.
 */

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  /** Cells by header name (lower case, trimmed); a missing cell is ''. */
  readonly cells: Readonly<Record<string, string>>;
}

export type CsvTable =
  | { readonly ok: true; readonly header: readonly string[]; readonly rows: readonly CsvRow[] }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** Characters, and rows, read between two pauses of readingCsv. */
const SLICE_CHARS = 20_000;
const SLICE_ROWS = 1_000;

/** Reads a CSV file at once. */
export function readCsv(text: string): CsvTable {
  return finished(readingCsv(text));
}

/**
 * Reads a CSV file a slice at a time: it pauses (yields) every few thousand
 * characters and rows, so a server reading a big file can let other requests in
 * between slices (server/yieldingWork.ts).
 */
export function* readingCsv(text: string): Generator<void, CsvTable, void> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < body.length; i++) {
    if (i % SLICE_CHARS === 0 && i > 0) yield;
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: `A quoted field that starts on line ${recordLine} is never closed: add the closing quote (").` };
  if (fieldStarted || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const filled = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [head, ...data] = filled;
  if (!head) return { ok: false, line: 1, message: 'The file is empty: it needs a header line and at least one row.' };
  const header = head.fields.map((h) => h.trim().toLowerCase());
  const twice = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
  if (twice !== undefined) return { ok: false, line: head.line, message: `The header names the column "${twice}" twice.` };
  const rows: CsvRow[] = [];
  for (const r of data) {
    if (rows.length % SLICE_ROWS === 0 && rows.length > 0) yield;
    rows.push({ line: r.line, cells: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])) });
  }
  return { ok: true, header, rows };
}

/** Runs work that pauses (a generator) to its end without pausing. */
export function finished<T>(work: Generator<void, T, void>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** One CSV field: quoted when it holds a delimiter, a quote or a line break; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV file: the header, then one line per row, CRLF-terminated as RFC 4180 asks. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly (string | number | boolean | null)[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
