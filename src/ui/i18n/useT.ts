import { useAppStore } from '../store/appStore';
import { sayProblem, translate, type Language } from './language';
import type { MessageKey, Messages } from './en';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/** The translate function of the language the person chose; re-renders when it changes. */
export function useT(): <K extends MessageKey>(key: K, ...args: Args<K>) => string {
  const language: Language = useAppStore((s) => s.language);
  return (key, ...args) => translate(language, key, ...args);
}

/** Words for a refusal or failure (a reason with its facts, or an error) in the person's language. */
export function useSay(): (problem: unknown) => string {
  const language: Language = useAppStore((s) => s.language);
  return (problem) => sayProblem(language, problem);
}
