import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GS = '\u001d';
const root = join(import.meta.dirname, '../..');
const run = (args: string[], input: string) => spawnSync('npm', ['run', '-s', 'gs1', '--', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });

describe('npm run -s gs1', () => {
  it('--json: one JSON line per input line, in every spelling', () => {
    const inputs = [
      '(01)09506000134352(17)271231(10)ABC1',
      `0109506000134352172712311` + `0ABC1${GS}21S1`,
      `]C1010950600013435217271231${GS}10ABC1`,
      ']d2010950600013435210ABC1',
      ']Q30109506000134352',
      ']e00109506000134352',
      'https://id.example.com/01/09506000134352/10/ABC1?17=271231',
      '(01)09506000134353',
      '(10)ABC',
      '',
      '(10)L1 ',
    ];
    const result = run(['--json'], `${inputs.join('\n')}\n`);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(inputs.length);
    expect(lines[0]).toEqual({ ok: true, elements: [{ ai: '01', value: '09506000134352' }, { ai: '17', value: '271231' }, { ai: '10', value: 'ABC1' }] });
    expect(lines[1]).toEqual({ ok: true, elements: [{ ai: '01', value: '09506000134352' }, { ai: '17', value: '271231' }, { ai: '10', value: 'ABC1' }, { ai: '21', value: 'S1' }] });
    expect(lines[2]).toEqual(lines[0]);
    expect(lines[6]).toEqual({ ok: true, elements: [{ ai: '01', value: '09506000134352' }, { ai: '10', value: 'ABC1' }, { ai: '17', value: '271231' }] });
    expect(lines[7]).toEqual({ ok: false, reason: '(01) GTIN 09506000134353 has a wrong check digit: it ends in 3, the digits before it need 2.' });
    expect(lines[8].ok).toBe(false);
    expect(lines[9]).toEqual({ ok: false, reason: 'No GS1 data was given.' });
    expect(lines[10]).toMatchObject({ ok: false, reason: expect.stringContaining('a space') });
    for (const line of lines.slice(3, 6)) expect(line.ok).toBe(true);
  });

  it('without --json: a readable line each; CRLF line ends are not data', () => {
    const result = run([], '(01)09506000134352(10)ABC1\r\n(01)09506000134352(37)5\r\n');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'ok  (01) GTIN 09506000134352  (10) batch/lot ABC1\n' + 'refused  (01) GTIN and (37) count of trade items may not be in one code: GS1 forbids the pair.\n',
    );
  });

  it('refuses an unknown option with its usage', () => {
    const result = run(['--xml'], '');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run -s gs1');
  });
});
