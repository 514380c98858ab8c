import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { translate } from './language';

describe('the string catalogue', () => {
  it('has every English key in Chinese, translated, with the same arguments', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = en[key];
      const chinese = zh[key];
      expect(typeof chinese, key).toBe(typeof english);
      const sample = (m: unknown) => (typeof m === 'function' ? (m as (...a: unknown[]) => string)(7, 'A', 'B') : (m as string));
      expect(sample(chinese), key).not.toBe('');
      // Every Chinese string has Chinese in it: nothing was left in English by mistake.
      expect(sample(chinese), key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills in arguments', () => {
    expect(translate('en', 'home.tasks', 3)).toBe('3 tasks');
    expect(translate('zh', 'home.tasks', 3)).toBe('3 个任务');
    expect(translate('zh', 'home.pick')).toBe('拣货');
  });
});
