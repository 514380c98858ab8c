/**
 * Why the floor refused something: one code per reason, with the facts its words
 * need. Every refusal made by the domain rules and the device carries one, so the
 * interface words it in the worker's language (ui/i18n). `explain` gives the English
 * words; they are also the refusal's `message`, for logs, the server and tests.
 *
 * Facts are plain values (numbers, codes, product names), never sentences, so every
 * language can build its own sentence from them.
 */
import type { LinkProblem } from './codes/gs1/gs1Problem';
import { englishDate, englishDateOf } from './calendarDate';

export type Why =
  // Product codes (EAN, UPC, GTIN-14).
  | { readonly code: 'code-empty' }
  | { readonly code: 'code-not-digits'; readonly text: string }
  | { readonly code: 'code-wrong-length'; readonly label: string; readonly expected: number; readonly text: string }
  | { readonly code: 'code-unknown-length'; readonly text: string }
  | { readonly code: 'code-bad-check-digit'; readonly label: string; readonly text: string; readonly given: string; readonly expected: number }
  | { readonly code: 'code-not-ean8-nor-upce'; readonly text: string }
  | { readonly code: 'code-bad-upce-system'; readonly text: string; readonly first: string }
  // GS1 element strings; `ai` is the application identifier, e.g. "17", `title` its English name.
  | { readonly code: 'gs1-empty' }
  | { readonly code: 'gs1-not-gs1'; readonly aim: string }
  | { readonly code: 'gs1-unknown-ai'; readonly at: string }
  | { readonly code: 'gs1-not-bracketed'; readonly text: string }
  | { readonly code: 'gs1-bad-separator' }
  | { readonly code: 'gs1-repeated-ai'; readonly ai: string; readonly title: string }
  | { readonly code: 'gs1-too-short'; readonly ai: string; readonly title: string; readonly value: string; readonly needed: number }
  | { readonly code: 'gs1-too-long'; readonly ai: string; readonly title: string; readonly value: string; readonly max: number }
  | { readonly code: 'gs1-not-digits'; readonly ai: string; readonly title: string; readonly value: string }
  | { readonly code: 'gs1-bad-characters'; readonly ai: string; readonly title: string; readonly value: string; readonly character: string }
  | { readonly code: 'gs1-bad-check-digit'; readonly ai: string; readonly title: string; readonly value: string; readonly given: string; readonly expected: number }
  | { readonly code: 'gs1-bad-month'; readonly ai: string; readonly title: string; readonly value: string }
  | { readonly code: 'gs1-bad-day'; readonly ai: string; readonly title: string; readonly value: string }
  /** Any other content rule of GS1's Syntax Dictionary; `kind` names it (gs1/linters.ts), `problem` says it in English. */
  | { readonly code: 'gs1-bad-value'; readonly ai: string; readonly title: string; readonly value: string; readonly kind: string; readonly problem: string }
  | { readonly code: 'gs1-forbidden-pair'; readonly ai: string; readonly title: string; readonly other: string; readonly otherTitle: string }
  /** `needs`: alternatives joined by ",", each one AI or several joined by "+" (as in the dictionary: "01+21,02"). */
  | { readonly code: 'gs1-needs-other-ai'; readonly ai: string; readonly title: string; readonly needs: string }
  | { readonly code: 'gs1-needs-serial'; readonly ai: string; readonly title: string }
  /** A GS1 Digital Link URI that breaks a rule of the standard; `ai` is '' when no AI is at fault. */
  | { readonly code: 'gs1-link'; readonly problem: LinkProblem; readonly ai: string }
  // Typed quantities.
  | { readonly code: 'qty-empty' }
  | { readonly code: 'qty-not-a-number'; readonly text: string }
  | { readonly code: 'qty-not-whole'; readonly text: string }
  | { readonly code: 'qty-negative' }
  | { readonly code: 'qty-zero' }
  | { readonly code: 'qty-too-large'; readonly qty: number; readonly max: number }
  | { readonly code: 'qty-more-than-allowed'; readonly qty: number; readonly max: number }
  // A pick line.
  | { readonly code: 'scan-bin-first'; readonly bin: string }
  | { readonly code: 'wrong-bin'; readonly scanned: string; readonly expected: string }
  | { readonly code: 'wrong-item'; readonly expected: string }
  | { readonly code: 'line-done'; readonly needed: number; readonly unit: string }
  | { readonly code: 'more-than-needed'; readonly qty: number; readonly unit: string; readonly left: number }
  | { readonly code: 'lot-expired'; readonly lot: string; readonly expiry: string }
  // Lot and expiry typed by hand.
  | { readonly code: 'lot-empty' }
  | { readonly code: 'lot-too-long'; readonly max: number }
  | { readonly code: 'lot-bad-characters'; readonly lot: string }
  | { readonly code: 'expiry-not-a-date'; readonly text: string }
  | { readonly code: 'expiry-empty' }
  // A date typed in three fields (calendarDate.ts): the field that is not a day, month or year; a date that does not exist.
  | { readonly code: 'date-field'; readonly field: 'day' | 'month' | 'year' }
  | { readonly code: 'date-not-real'; readonly day: number; readonly month: number; readonly year: number }
  // Looking up what was scanned.
  | { readonly code: 'unknown-product'; readonly scanned: string }
  | { readonly code: 'gs1-no-gtin' }
  | { readonly code: 'no-such-bin'; readonly bin: string }
  // A hardware scanner's burst that broke off before its end (scanning/wedge.ts); `received` is what arrived.
  | { readonly code: 'scan-broken'; readonly received: string }
  // The device.
  | { readonly code: 'unsent-operations'; readonly count: number }
  | { readonly code: 'no-session' }
  | { readonly code: 'storage-full' }
  | { readonly code: 'storage-failed'; readonly detail: string }
  | { readonly code: 'bad-operation'; readonly detail: string }
  | { readonly code: 'unknown-bin'; readonly bin: string }
  | { readonly code: 'undo-gone' }
  | { readonly code: 'undo-of-undo' }
  | { readonly code: 'undo-not-last' }
  | { readonly code: 'undo-twice' }
  | { readonly code: 'task-finished' }
  /** `device`: the holder's device (a short id), when the server knows it; `you`: the same worker, on another device. */
  /** device: the short id of the device that has it; deviceName: what a supervisor named it. */
  | { readonly code: 'task-taken'; readonly by: string; readonly device?: string; readonly deviceName?: string; readonly you?: boolean }
  /** The worker took the task on the floor before a supervisor decided otherwise (back to open, to someone else, cancelled). */
  | { readonly code: 'op-task-decided'; readonly taskId: string; readonly status: string; readonly assignedTo: string | null }
  | { readonly code: 'bin-counted-already'; readonly bin: string }
  // Why the server rejected an operation.
  | { readonly code: 'op-unknown-bin'; readonly bin: string }
  | { readonly code: 'op-unknown-product'; readonly productId: string }
  | { readonly code: 'op-unknown-task'; readonly taskId: string }
  | { readonly code: 'op-task-closed'; readonly taskId: string; readonly status: string }
  | { readonly code: 'op-wrong-line'; readonly taskId: string; readonly lineNo: number }
  | { readonly code: 'op-undo-unknown'; readonly opId: string }
  | { readonly code: 'op-bad-payload'; readonly detail: string }
  | { readonly code: 'op-other-warehouse'; readonly warehouseId: string }
  | { readonly code: 'op-dismissed'; readonly note: string }
  | { readonly code: 'op-id-reused'; readonly opId: string }
  | { readonly code: 'op-id-elsewhere'; readonly opId: string }
  | { readonly code: 'op-not-your-job'; readonly job: string }
  | { readonly code: 'op-not-your-task'; readonly taskId: string; readonly by: string }
  | { readonly code: 'op-undo-not-yours'; readonly by: string }
  | { readonly code: 'op-stock-bounds'; readonly bin: string; readonly productId: string; readonly max: number }
  | { readonly code: 'op-count-rejected'; readonly note: string }
  | { readonly code: 'op-count-recount'; readonly bin: string }
  // Talking to the server, and the camera: the English words come with the failure
  // (the server's own message, or the device's); other languages word the reason.
  | { readonly code: 'sync-failed'; readonly reason: string; readonly message: string; readonly retryAfterSeconds: number | null; readonly busy?: boolean }
  | { readonly code: 'camera-failed'; readonly reason: string; readonly message: string };

export type WhyCode = Why['code'];
export type WhyOf<C extends WhyCode> = Extract<Why, { readonly code: C }>;

/** A language's words for every reason; the compiler checks none is missing. */
export type WhyWords = { readonly [C in WhyCode]: (why: WhyOf<C>) => string };

export const englishWhy: WhyWords = {
  'code-empty': () => 'No code was given.',
  'code-not-digits': ({ text }) => `"${shortened(text, ECHO)}" is not a product code: product codes are digits only.`,
  'code-wrong-length': ({ label, expected, text }) => `${/^[AEIOU]/.test(label) ? 'An' : 'A'} ${label} has ${expected} digits; "${shortened(text, ECHO)}" has ${text.length}.`,
  'code-unknown-length': ({ text }) => `"${shortened(text, ECHO)}" has ${text.length} digits; a product code has 8 (EAN-8 or UPC-E), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14).`,
  'code-bad-check-digit': ({ label, text, given, expected }) => `${label} ${text} has a wrong check digit: it ends in ${given}, the digits before it need ${expected}. Re-scan or re-type the code.`,
  'code-not-ean8-nor-upce': ({ text }) => `${text} is neither a valid EAN-8 nor a valid UPC-E: the check digit is wrong. Re-scan or re-type the code.`,
  'code-bad-upce-system': ({ text, first }) => `UPC-E ${text} starts with ${first}; a UPC-E starts with 0 or 1.`,
  'gs1-empty': () => 'No GS1 data was given.',
  'gs1-not-gs1': ({ aim }) => `The code says it is ${aim}, which is not a GS1 symbol, so it carries no GS1 data.`,
  'gs1-unknown-ai': ({ at }) => `"${shortened(at)}…" does not start with an application identifier GS1 knows. If the label is right, a separator (GS) may be missing before it.`,
  'gs1-not-bracketed': ({ text }) => `"${shortened(text)}" does not start with an AI in brackets, such as (01).`,
  'gs1-bad-separator': () => 'Two separators (GS) in a row, or one where data should start: the scanner sent a separator too many. Scan the label again.',
  'gs1-repeated-ai': ({ ai, title }) => `(${ai}) ${title} appears twice with different values; a label carries one.`,
  'gs1-too-short': ({ ai, title, value, needed }) => (value === '' ? `(${ai}) ${title} is empty.` : `(${ai}) ${title} needs ${needed} characters; "${value}" has ${value.length}.`),
  'gs1-too-long': ({ ai, title, value, max }) => `(${ai}) ${title} takes at most ${max} characters; "${shortened(value)}" has ${value.length}. If a separator is missing after it, check the scanner's GS setting.`,
  'gs1-not-digits': ({ ai, title, value }) => `(${ai}) ${title} must be digits; "${shortened(value)}" is not.`,
  'gs1-bad-characters': ({ ai, title, value, character }) => `(${ai}) ${title} "${shortened(value)}" holds ${character === ' ' ? 'a space' : `"${character}"`}, which GS1 does not allow.`,
  'gs1-bad-check-digit': ({ ai, title, value, given, expected }) => `(${ai}) ${title} ${value} has a wrong check digit: it ends in ${given}, the digits before it need ${expected}.`,
  'gs1-bad-month': ({ ai, title, value }) => `(${ai}) ${title} ${value}: month ${value.slice(2, 4)} does not exist.`,
  'gs1-bad-day': ({ ai, title, value }) => `(${ai}) ${title} ${value}: day ${value.slice(4, 6)} does not exist in that month.`,
  'gs1-bad-value': ({ ai, title, value, problem }) => `(${ai}) ${title} "${shortened(value)}": ${problem}`,
  'gs1-forbidden-pair': ({ ai, title, other, otherTitle }) => `(${ai}) ${title} and (${other}) ${otherTitle} may not be in one code: GS1 forbids the pair.`,
  'gs1-needs-other-ai': ({ ai, title, needs }) => `(${ai}) ${title} needs ${needsInEnglish(needs)} in the same code. If the label has another barcode with the product, scan that one.`,
  'gs1-needs-serial': ({ ai, title }) => `(${ai}) ${title} needs its serial part when the code carries a digital signature (8030).`,
  'gs1-link': ({ problem, ai }) => (LINK_PROBLEMS[problem] ?? LINK_PROBLEMS['no-key'])(ai),
  'qty-empty': () => 'Type a quantity, or tap + and -.',
  'qty-not-a-number': () => 'Type a whole number: digits only.',
  'qty-not-whole': () => 'Type a whole number: items are counted in whole units.',
  'qty-negative': () => 'Type 0 or more: a quantity cannot be below 0.',
  'qty-zero': () => 'Type at least 1.',
  'qty-too-large': ({ max }) => `That number is too large for one entry (at most ${max.toLocaleString('en-US')}). Check it.`,
  'qty-more-than-allowed': ({ qty, max }) => `${qty} is more than needed: at most ${max} here.`,
  'scan-bin-first': ({ bin }) => `Scan bin ${bin} first.`,
  'wrong-bin': ({ scanned, expected }) => `Wrong bin: this is ${scanned}. Go to bin ${expected}.`,
  'wrong-item': ({ expected }) => `Wrong item: this is not ${expected}. Scan ${expected}.`,
  'line-done': ({ needed, unit }) => `This line is complete: ${needed} ${unit} picked.`,
  'more-than-needed': ({ qty, unit, left }) => `More than needed: this code is ${qty} ${unit}, only ${left} left to pick.`,
  'lot-expired': ({ lot, expiry }) => `This date has passed: lot ${lot || '(none)'} expired on ${englishDate(expiry)}. Do not use it; take another lot.`,
  'lot-empty': () => 'Type the lot printed on the item.',
  'lot-too-long': ({ max }) => `A lot has at most ${max} characters.`,
  'lot-bad-characters': ({ lot }) => `"${shortened(lot, ECHO)}" holds a character a lot cannot have. Use letters, digits and - / . _ only.`,
  // Files (CSV import) write dates as ISO; on the floor dates are typed in three fields.
  'expiry-not-a-date': ({ text }) => `"${shortened(text, ECHO)}" is not a date: write it as YYYY-MM-DD, e.g. 2027-12-31.`,
  'expiry-empty': () => 'Type the expiry date printed on the item.',
  'date-field': ({ field }) => (field === 'day' ? 'Type the day as a number from 1 to 31.' : field === 'month' ? 'Type the month as a number from 1 to 12.' : 'Type the year with 4 digits, e.g. 2027.'),
  'date-not-real': ({ day, month, year }) => `There is no ${englishDateOf(year, month, day)}. Check the day and the month.`,
  'unknown-product': ({ scanned }) => `Unknown product: no product in this warehouse has the code ${shortened(scanned, ECHO)}. Check the label, or ask a supervisor to add the code.`,
  'gs1-no-gtin': () => 'This GS1 code names no product (no GTIN in it), so it cannot be looked up.',
  'no-such-bin': ({ bin }) => `Unknown bin: there is no bin ${shortened(bin, ECHO)} in this warehouse. Check the label.`,
  'scan-broken': ({ received }) => `The scanner's code arrived broken ("${shortened(shownReceived(received), ECHO)}" received). Scan again.`,
  'unsent-operations': ({ count }) => `${count} operation${count === 1 ? '' : 's'} on this device ${count === 1 ? 'has' : 'have'} not reached the server yet. Connect to the network and let the device sync first, so no work is lost.`,
  'no-session': () => 'Sign in first.',
  'storage-full': () => 'The device storage is full. Free space on the device (photos, other apps) and try again; nothing was lost.',
  'storage-failed': ({ detail }) => `The device could not save: ${detail}`,
  'bad-operation': ({ detail }) => `This step cannot be saved: ${detail}.`,
  'unknown-bin': ({ bin }) => `There is no bin ${bin} on this device. Scan a bin of this warehouse.`,
  'undo-gone': () => 'That step is no longer on this device; it cannot be undone here.',
  'undo-of-undo': () => 'An undo cannot itself be undone; do the step again instead.',
  'undo-not-last': () => 'Only the last step of a task can be undone.',
  'undo-twice': () => 'That step was undone already.',
  'task-finished': () => 'This task is finished; nothing more can be recorded or undone on it.',
  'task-taken': ({ by, device, deviceName, you }) => {
    const shown = device && deviceName ? `${deviceName} (${device})` : device;
    return you === true
      ? `You have this task on another device${shown ? `: ${shown}` : ''}. Take it over only if that device stopped working on it.`
      : `This task was taken by ${by}. Choose another one.${shown ? ` It is on device ${shown}; take it over only if ${by} stopped working on it.` : ''}`;
  },
  'op-task-decided': ({ taskId, status, assignedTo }) =>
    `A supervisor ${status === 'cancelled' ? 'cancelled' : assignedTo ? `gave task ${taskId} to ${assignedTo}` : `put task ${taskId} back to open`} after you took it; the task stays so. Steps you did are kept and shown to the supervisor.`,
  'bin-counted-already': ({ bin }) => `Bin ${bin} is already counted on this task. Undo that count to count it again.`,
  'op-unknown-bin': ({ bin }) => `The server has no bin ${bin} in this warehouse; the step was not recorded. Redo it with a bin of this warehouse, or dismiss it.`,
  'op-unknown-product': ({ productId }) => `The server does not know product ${productId}; the step was not recorded. Ask a supervisor to add it, then redo the step.`,
  'op-unknown-task': ({ taskId }) => `The server has no task ${taskId} of this kind; the step was not recorded.`,
  'op-task-closed': ({ taskId, status }) => `Task ${taskId} was already ${status === 'cancelled' ? 'cancelled' : 'finished'} on the server; the step was not recorded. Tell the supervisor what you did.`,
  'op-wrong-line': ({ taskId, lineNo }) => `Line ${lineNo} of task ${taskId} is not what this step says on the server (the task changed); the step was not recorded.`,
  'op-undo-unknown': () => 'The step to undo is not one this device recorded on the server; nothing was undone.',
  'op-bad-payload': ({ detail }) => `The server could not read this step (${detail}); it was not recorded. Update the app.`,
  'op-other-warehouse': ({ warehouseId }) => `This step belongs to warehouse ${warehouseId}, not the one you are signed in to; it was not recorded.`,
  'op-dismissed': ({ note }) => `Dismissed: ${note}`,
  'op-count-rejected': ({ note }) => `A supervisor did not accept this count${note ? `: ${note}` : ''}. The stock stays as it was; a recount may follow.`,
  'op-count-recount': ({ bin }) => `A supervisor asked for bin ${bin} to be counted again; the count task is on the count list. The stock stays as it was until then.`,
  'op-id-reused': ({ opId }) => `The server already holds another step with id ${opId}; this one was not recorded. Tell the supervisor.`,
  'op-id-elsewhere': ({ opId }) => `Another device already sent a step with id ${opId}; this one was not recorded. Tell the supervisor.`,
  'op-not-your-job': ({ job }) => `Your user may not record ${job} steps (it is not one of your jobs); the step was not recorded. Ask a supervisor for the job, or sign in as the worker who did it.`,
  'op-not-your-task': ({ taskId, by }) => `Task ${taskId} is ${by}'s; your step on it was not recorded. Ask a supervisor to give it to you, or take it over first.`,
  'op-undo-not-yours': ({ by }) => `That step was done by ${by}; only they or a supervisor can undo or settle it. Nothing was changed.`,
  'op-stock-bounds': ({ bin, productId, max }) => `This step would take bin ${bin}'s stock of ${productId} beyond ${max.toLocaleString('en')} units; it was not recorded. Check the quantity; a supervisor can correct the stock.`,
  'sync-failed': ({ message }) => message,
  'camera-failed': ({ message }) => message,
};

/** How much of what was scanned or typed a refusal repeats: enough to recognise it, never a screenful. */
export const ECHO = 32;

/** A long value cut to what a screen can show. */
export function shortened(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function needsInEnglish(needs: string): string {
  const each = needs.split(',').map((group) => group.split('+').map((ai) => `(${ai.replaceAll('n', '#')})`).join(' with '));
  return each.length === 1 ? each[0]! : `${each.slice(0, -1).join(', ')} or ${each.at(-1)}`;
}

const LINK_PROBLEMS: Readonly<Record<LinkProblem, (ai: string) => string>> = {
  characters: () => 'This link holds a character a web address may not hold.',
  scheme: () => 'A GS1 Digital Link starts with https:// or http://.',
  domain: () => 'This link has no valid domain after https://.',
  'no-key': () => 'This link carries no GS1 key (such as /01/ and a GTIN) in its path.',
  'empty-value': (ai) => `(${ai}) has no value in this link.`,
  nul: (ai) => `(${ai}) holds a NUL character (%00) in this link.`,
  'unknown-ai': (ai) => `The link's query names ${ai}, which is no GS1 application identifier.`,
  'key-order': () => "The link's path does not follow GS1's order for its key (e.g. /01/…/22/…/10/…/21/…).",
  'not-attribute': (ai) => `(${ai}) may not be given in a link's query string.`,
  'belongs-in-path': (ai) => `(${ai}) belongs in the link's path, not in its query string.`,
  repeated: (ai) => `(${ai}) is given twice in this link.`,
};

/** What a broken scan brought, readable: GS (FNC1) as ‹GS›. */
export function shownReceived(received: string): string {
  return received.replaceAll('\u001d', '‹GS›');
}

/** The words for a reason, in English unless another language's words are given. */
export function explain(why: Why, words: WhyWords = englishWhy): string {
  return (words[why.code] as (w: Why) => string)(why);
}
