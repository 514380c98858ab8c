/**
 * `npm run bench` writes docs/BENCHMARKS.md anew, but sections measured by hand (their
 * heading ends "measured by hand") say what no script measures: figures of a build
 * before a change, traces, the machine's state. They are kept, in their order, after the
 * report's own sections (a section of the same heading in the report wins).
 */
const sectionsOf = (markdown: string): string[] => markdown.split(/^(?=## )/m);

const headingOf = (section: string): string => section.split('\n', 1)[0]!.trim();

export function keepHandMeasured(previous: string, report: string): string {
  const reported = new Set(sectionsOf(report).map(headingOf));
  const kept = sectionsOf(previous)
    .filter((section) => section.startsWith('## ') && /measured by hand$/.test(headingOf(section)) && !reported.has(headingOf(section)))
    .map((section) => section.trimEnd());
  return kept.length ? `${report.trimEnd()}\n\n${kept.join('\n\n')}\n` : report;
}
