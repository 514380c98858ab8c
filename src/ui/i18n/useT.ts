import { useAppStore } from '../store/appStore';
import { translate, type Language } from './language';
import type { MessageKey, Messages } from './en';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/** The translate function of the language the person chose; re-renders when it changes. */
export function useT(): <K extends MessageKey>(key: K, ...args: Args<K>) => string {
  const language: Language = useAppStore((s) => s.language);
  return (key, ...args) => translate(language, key, ...args);
}
