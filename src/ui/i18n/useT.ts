import { useAppStore } from '../store/appStore';
import { sayProblem, showDate, showTime, translator, type Language, type Translate } from './language';
import { formatsFor, type Formats } from './format';

/** The translate function of the language the person chose; re-renders when it changes. */
export function useT(): Translate {
  const language: Language = useAppStore((s) => s.language);
  return translator(language);
}

/** Words for a refusal or failure (a reason with its facts, or an error) in the person's language. */
export function useSay(): (problem: unknown) => string {
  const language: Language = useAppStore((s) => s.language);
  return (problem) => sayProblem(language, problem);
}

/** Dates, times and numbers written as the person's language writes them. */
export function useFormat(): Formats {
  const language: Language = useAppStore((s) => s.language);
  return formatsFor(language);
}

/** The language the person chose. */
export function useLanguage(): Language {
  return useAppStore((s) => s.language);
}

/** A calendar date (ISO) in the words of the person's language: "31 Dec 2027", "2027年12月31日". */
export function useShowDate(): (iso: string) => string {
  const language: Language = useAppStore((s) => s.language);
  return (iso) => showDate(language, iso);
}

/** A moment as a worker reads it, in the person's language: the time today, else the date and the time. */
export function useShowTime(): (iso: string) => string {
  const language: Language = useAppStore((s) => s.language);
  return (iso) => showTime(language, iso);
}
