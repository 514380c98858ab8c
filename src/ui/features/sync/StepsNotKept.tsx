/**
 * Steps the screen showed as saved that could not be written after the app restarted
 * (device/stepsNotKept.ts), each with its reason, until the worker has read it: the
 * worker does it again if it happened, or asks the supervisor.
 */
import { useState } from 'react';
import { dismissStepNotKept, type StepNotKept } from '../../../device/stepsNotKept';
import type { Product } from '../../../domain/catalog/product';
import { floorDb } from '../../floor';
import { Problem } from '../../components/Screen';
import { useSay, useT, useShowTime } from '../../i18n/useT';
import { stepSummary } from './stepSummary';

export function StepsNotKept({ steps, products }: { steps: readonly StepNotKept[]; products: ReadonlyMap<string, Product> }) {
  const t = useT();
  const showTime = useShowTime();
  const say = useSay();
  const [problem, setProblem] = useState<unknown>(null);
  return (
    <section aria-label={t('sync.notKept')}>
      <h2>{t('sync.notKept')}</h2>
      <p>{t('sync.notKeptWhy')}</p>
      {problem !== null && <Problem message={say(problem)} />}
      <ul className="steps" data-testid="steps-not-kept">
        {steps.map((step) => (
          <li key={step.id} className="rejected-step">
            <span>
              <strong>{stepSummary(t, step.op, products)}</strong> <small>{showTime(step.shownAt)}</small>
            </span>
            <span className="reason">{say(step.why)}</span>
            <div className="flow-actions">
              <button type="button" onClick={() => void dismissStepNotKept(floorDb, step.id).catch(setProblem)}>
                {t('sync.notKeptRead')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
