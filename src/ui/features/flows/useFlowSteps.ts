/**
 * What every floor flow does with a step: run it after the previous one (so quick
 * scans add up on fresh data), then answer at once — "Saved…" with the OK sound, or
 * the reason with the error sound, long vibration and red flash.
 */
import { useRef, useState } from 'react';
import { giveFeedback } from '../../feedback/scanFeedback';
import { readPreferences } from '../../preferences';
import { useSay } from '../../i18n/useT';
import type { Why } from '../../../domain/why';

export interface FlowSteps {
  readonly saved: string | null;
  readonly problem: string | null;
  /** Words, or a reason (a refusal, an error) worded in the person's language. */
  fail(problem: string | Why): void;
  succeed(message: string): void;
  /** Runs a step after the ones before it; a step that throws is answered as a failure with its message. */
  run(step: () => Promise<void>): void;
}

export function useFlowSteps(): FlowSteps {
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const say = useSay();
  const fail = (problem: string | Why) => {
    setSaved(null);
    setProblem(typeof problem === 'string' ? problem : say(problem));
    giveFeedback('error', readPreferences().feedback);
  };
  const succeed = (message: string) => {
    setProblem(null);
    setSaved(message);
    giveFeedback('ok', readPreferences().feedback);
  };
  const run = (step: () => Promise<void>) => {
    queue.current = queue.current.then(step).catch((error: unknown) => fail(say(error)));
  };
  return { saved, problem, fail, succeed, run };
}
