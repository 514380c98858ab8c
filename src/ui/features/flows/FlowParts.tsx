/** The pieces every floor flow screen shows the same way. */
import { makeScan } from '../../../scanning/scan';
import { announceScan } from '../../../scanning/scanBus';
import { Problem } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import type { FlowSteps } from './useFlowSteps';
import { Words } from '../../components/Words';
import type { DeviationFacts, DeviationQuestion, SharedNote } from '../../../domain/floor/flow';
import type { DeviationKind } from '../../../domain/floor/operations';
import type { ReactNode } from 'react';
import { FeedbackZone } from './StepScreen';
import type { FlowAnswer } from './useTaskFlow';

/** "Saved…" in green, or the reason in red (screens that are no step screen: taking a task). */
export function FlowAnswer({ steps }: { steps: FlowSteps }) {
  return (
    <>
      {steps.saved && !steps.problem && (
        <p className="saved" role="status">
          {steps.saved}
        </p>
      )}
      {steps.problem && <Problem message={steps.problem} />}
    </>
  );
}

/** The words for what is unusual about a step. */
export function useDeviationWords(): (kind: DeviationKind, facts: DeviationFacts) => string {
  const t = useT();
  return (kind, facts) => {
    switch (kind) {
      case 'lot-not-in-bin':
        return t('deviation.lot-not-in-bin', facts.lot ?? '', facts.bin ?? '');
      case 'not-fefo':
        return t('deviation.not-fefo', facts.lot ?? '', facts.proposedLot ?? '');
      case 'over-step-limit':
        return t('deviation.over-step-limit', facts.qty ?? 0, facts.limit ?? 0);
      case 'empty-bin-held-stock':
        return t('deviation.empty-bin-held-stock', facts.bin ?? '', facts.unitsHeld ?? 0);
      case 'more-than-bin-holds':
        return t('deviation.more-than-bin-holds', facts.bin ?? '', facts.unitsHeld ?? 0);
    }
  };
}

/** The words for the notes every flow gives alike. */
export function useSharedNoteWords(): (note: SharedNote<unknown>) => string {
  const t = useT();
  return (note) => {
    switch (note.kind) {
      case 'confirm-deviation':
        // Short: the question itself, with what is unusual and the two buttons, stands just below.
        return t('flow.checkFirst');
      case 'answer-first':
        return t('flow.answerFirst');
      case 'cancelled':
        return t('flow.cancelled');
    }
  };
}

/**
 * What a step that asks "are you sure?" says, in the feedback zone (amber); Yes is the
 * primary action and No the secondary, each in its usual place.
 */
export function DeviationQuestionWords({ question }: { question: DeviationQuestion<unknown> }) {
  const t = useT();
  const words = useDeviationWords();
  return (
    <div className="deviation-question" role="group" aria-label={t('flow.question')} data-testid="deviation-question">
      {question.deviations.map((kind) => (
        <p key={kind}>
          <Words text={words(kind, question.facts)} />
        </p>
      ))}
    </div>
  );
}

/** Under the question, at the top of the body: what Yes means. */
export function DeviationAsk() {
  const t = useT();
  return <p className="deviation-ask">{t('flow.ask')}</p>;
}

/** A step screen's feedback zone and the note under it: the last answer, and while a deviation question is open, the question and what to do about it. */
export function deviationSlots(answer: FlowAnswer | null, question: DeviationQuestion<unknown> | null | undefined): { feedback: ReactNode; note: ReactNode } {
  return {
    feedback: <FeedbackZone answer={answer} question={question ? <DeviationQuestionWords question={question} /> : undefined} />,
    note: question ? <DeviationAsk /> : null,
  };
}

/** Typing a code: the same scan event as the camera and the hardware scanner, with source "keyboard". */
export function CodeEntry() {
  const t = useT();
  return (
    <form
      className="code-entry"
      onSubmit={(e) => {
        e.preventDefault();
        const field = e.currentTarget.elements.namedItem('code') as HTMLInputElement;
        announceScan(makeScan(field.value, 'unknown', 'keyboard', performance.now()));
        field.value = '';
      }}
    >
      <label htmlFor="code">{t('common.code')}</label>
      <input id="code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
      <button type="submit">{t('common.enter')}</button>
    </form>
  );
}
