import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { consoleEn, consoleZh } from './consoleWords';
import { sayProblem, sayWhy, translate } from './language';
import { englishWhy, type Why, type WhyCode } from '../../domain/why';

/** Keys whose words are all arguments (a code, its symbology, a pack level translated on its own), or punctuation between them. */
const MADE_OF_ARGUMENTS = new Set<string>([
  'find.codeLine',
  'console.listSeparator',
  'console.clauseSeparator',
  'console.device.named',
  'tasks.deviceNamed',
  'console.detail.title',
  'console.takeovers.who',
  'console.change.field',
  'console.userChange.addedField',
]);

describe('the string catalogue', () => {
  it.each([
    ['floor', en, zh],
    ['console', consoleEn, consoleZh],
  ] as const)('has every English key of the %s in Chinese, translated, with the same arguments', (_part, english_, chinese_) => {
    const [enWords, zhWords] = [english_ as Readonly<Record<string, unknown>>, chinese_ as Readonly<Record<string, unknown>>];
    expect(Object.keys(zhWords).sort()).toEqual(Object.keys(enWords).sort());
    for (const key of Object.keys(enWords)) {
      const english = enWords[key];
      const chinese = zhWords[key];
      expect(typeof chinese, key).toBe(typeof english);
      const sample = (m: unknown) => (typeof m === 'function' ? (m as (...a: unknown[]) => string)(7, 'A', 'B') : (m as string));
      expect(sample(chinese), key).not.toBe('');
      // Every Chinese string has Chinese in it: nothing was left in English by mistake
      // (but for lines made only of their arguments, whose words are translated apart).
      if (!MADE_OF_ARGUMENTS.has(key)) expect(sample(chinese), key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps the floor’s and the console’s keys apart, so the console’s load with it alone', () => {
    expect(Object.keys(en).filter((key) => key in consoleEn)).toEqual([]);
  });

  it('fills in arguments', () => {
    expect(translate('en', 'home.tasks', 3)).toBe('3 tasks');
    expect(translate('zh', 'home.tasks', 3)).toBe('3 个任务');
    expect(translate('zh', 'home.pick')).toBe('拣货');
  });
});

describe('the words for refusals', () => {
  // Every fact of a sample reason reads as "7": enough to build each sentence.
  const sample = (code: WhyCode) => new Proxy({ code } as Why, { get: (target, key) => (key === 'code' ? target.code : '7') });

  it('words every reason in Chinese, with Chinese in it', () => {
    for (const code of Object.keys(englishWhy) as WhyCode[]) {
      expect(sayWhy('en', sample(code)), code).not.toBe('');
      expect(sayWhy('zh', sample(code)), code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('words a refusal carried by an error, and falls back to the message of any other error', () => {
    const refusal = Object.assign(new Error('Wrong bin: this is A. Go to bin B.'), { why: { code: 'wrong-bin', scanned: 'A', expected: 'B' } satisfies Why });
    expect(sayProblem('zh', refusal)).toBe('库位错误：这是 A。请前往库位 B。');
    expect(sayProblem('en', refusal)).toBe('Wrong bin: this is A. Go to bin B.');
    expect(sayProblem('zh', new Error('disk on fire'))).toBe('disk on fire');
  });
});
