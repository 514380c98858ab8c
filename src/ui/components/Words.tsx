/**
 * Text that names codes (bin labels such as B-05-10-3, lots, EAN-13): a browser may break
 * a line after any hyphen, and "B-05-\n10-3" reads as two bins. Every code-like word
 * (letters and digits joined by - . /) is kept on one line; a very long one (a broken
 * scan's characters) may still wrap, so it never runs off the screen.
 */
import { Fragment } from 'react';

const CODE_LIKE = /([\p{L}\p{N}]+(?:[-./][\p{L}\p{N}]+)+)/u;
/** Longer than this a word is no label, and is left free to wrap. */
const LONGEST_KEPT = 28;

export function Words({ text }: { text: string }) {
  const parts = text.split(CODE_LIKE);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && part.length <= LONGEST_KEPT ? (
          <span key={i} className="code-whole">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** A bin code alone (a table cell, a list): never broken across lines. */
export function BinCode({ code }: { code: string }) {
  return <span className="code-whole">{code}</span>;
}
