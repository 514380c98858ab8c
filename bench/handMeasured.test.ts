import { describe, expect, it } from 'vitest';
import { keepHandMeasured } from './handMeasured';

const previous = `# Benchmarks

Measured on 2026-12-01.

## Results

| old | 1 |

## Speed (issue 14), measured by hand

Figures of a build before.

## Sync

| old sync | 2 |

## Decoding (issue 13), measured by hand

Medians of 3 runs.
`;

describe('keepHandMeasured', () => {
  it('keeps the sections measured by hand, in order, after the new report, and drops the old generated ones', () => {
    const report = '# Benchmarks\n\nMeasured on 2026-12-04.\n\n## Results\n\n| new | 3 |\n';
    const written = keepHandMeasured(previous, report);
    expect(written).toBe(
      '# Benchmarks\n\nMeasured on 2026-12-04.\n\n## Results\n\n| new | 3 |\n\n## Speed (issue 14), measured by hand\n\nFigures of a build before.\n\n## Decoding (issue 13), measured by hand\n\nMedians of 3 runs.\n',
    );
  });

  it('lets a section of the report win over a kept one of the same heading', () => {
    const report = '# Benchmarks\n\n## Decoding (issue 13), measured by hand\n\nNew medians.\n';
    const written = keepHandMeasured(previous, report);
    expect(written.match(/## Decoding/g)).toHaveLength(1);
    expect(written).toContain('New medians.');
    expect(written).toContain('Figures of a build before.');
  });

  it('writes the report as it is when there was no file or nothing measured by hand', () => {
    expect(keepHandMeasured('', '# B\n')).toBe('# B\n');
    expect(keepHandMeasured('# B\n\n## Results\n\nold\n', '# B\n')).toBe('# B\n');
  });
});
