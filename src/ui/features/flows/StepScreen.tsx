/**
 * The one layout of every floor step screen (Pick, Putaway, Count), built for a gloved
 * thumb on a phone of 393 x 851:
 *
 *   title and progress            what to do next, in big type (two lines at most)
 *   feedback zone                 fixed height: OK green, deviation amber, error red
 *   body                          details, camera, lists: the only part that scrolls
 *   dock (thumb zone)             secondary actions; the counter with - and +; the primary
 *
 * Nothing above the dock changes its height, and the dock sits at the bottom of the
 * screen: an answer, a question or a longer prompt never moves a control. The primary
 * keeps its place whatever it does at the moment (Confirm, Finish, Yes), and ignores the
 * second tap of a double tap that changed it (tapGuard.ts).
 */
import type { ReactNode } from 'react';
import { useAppStore } from '../../store/appStore';
import { useT } from '../../i18n/useT';
import { Words } from '../../components/Words';
import { useFreshTap } from './tapGuard';
import type { FlowAnswer } from './useTaskFlow';

export interface PrimaryAction {
  readonly label: string;
  /** null: nothing to tap now (the step waits for a scan); the button keeps its place, disabled. */
  readonly onTap: (() => void) | null;
  /** Submits this form instead of calling onTap (a typed lot, a quantity). */
  readonly form?: string;
}

export function StepScreen({
  title,
  progress,
  progressTestId,
  prompt,
  feedback,
  note,
  body,
  secondary,
  counter,
  primary,
  sheet,
}: {
  title: string;
  progress: string | null;
  progressTestId?: string;
  prompt: string;
  feedback: ReactNode;
  /** Shown first in the body (what Yes means while a question is open). */
  note?: ReactNode;
  body: ReactNode;
  secondary: ReactNode;
  counter: ReactNode;
  primary: PrimaryAction;
  /** A sheet over the dock (short-pick reasons): the rest stays where it is behind it. */
  sheet?: ReactNode;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  return (
    <main className="step-screen">
      <div className="step-head">
        <button type="button" className="back" onClick={() => navigate('/')} aria-label={t('nav.back')}>
          ←
        </button>
        <h1>{title}</h1>
      </div>
      <p className="progress-text" data-testid={progressTestId}>
        {progress ?? '\u00a0'}
      </p>
      <p className="expect" data-testid="expect" aria-live="polite">
        <Words text={prompt} />
      </p>
      {feedback}
      <div className="step-body">
        {note}
        {body}
      </div>
      <div className="step-dock">
        <div className="secondary-row" data-testid="secondary">
          {secondary}
        </div>
        <div className="counter-slot" data-testid="counter">
          {counter}
        </div>
        <PrimaryButton action={primary} />
      </div>
      {sheet}
    </main>
  );
}

function PrimaryButton({ action }: { action: PrimaryAction }) {
  const tap = useFreshTap(`${action.label}|${action.form ?? ''}|${action.onTap === null}`, () => {
    if (action.form) (document.getElementById(action.form) as HTMLFormElement | null)?.requestSubmit();
    else action.onTap?.();
  });
  const waiting = action.onTap === null && action.form === undefined;
  return (
    <button
      // The form's own submit button (Enter in its fields presses it), guarded like any tap: it submits the form itself.
      type={action.form ? 'submit' : 'button'}
      form={action.form}
      className="primary step-primary"
      data-testid="primary"
      disabled={waiting}
      onClick={(event) => {
        event.preventDefault();
        tap(event);
      }}
    >
      {action.label}
    </button>
  );
}

/**
 * The fixed feedback zone: the flow's one answer (OK green, deviation amber, error red),
 * or the question a deviation asks. Its height never changes, so nothing below moves.
 * It is announced without taking the focus: a polite live region for OK and deviation,
 * an alert for an error (the zone itself stays quiet then, so it is said once).
 */
export function FeedbackZone({ answer, question }: { answer: FlowAnswer | null; question?: ReactNode }) {
  // While a question is open it stays in the zone; a refusal meanwhile (a scan: "answer it first") comes first, above it.
  const error = answer?.tone === 'error' ? answer : null;
  const tone = error ? 'error' : question ? 'deviation' : (answer?.tone ?? 'none');
  return (
    <div className="feedback-zone" data-tone={tone} role="status" aria-live={tone === 'error' ? 'off' : 'polite'} aria-atomic="true" data-testid="feedback">
      {error && (
        <p key={error.seq} role="alert">
          <Words text={error.text} />
        </p>
      )}
      {question ??
        (answer === null || error ? null : (
          <p key={answer.seq}>
            <Words text={answer.text} />
          </p>
        ))}
    </div>
  );
}

/** A button of the secondary row: smaller than the primary, far from it, with its own name. */
export function SecondaryButton({ label, onTap, disabled = false, pressed, expanded, danger = false }: { label: string; onTap: () => void; disabled?: boolean; pressed?: boolean; expanded?: boolean; danger?: boolean }) {
  return (
    <button type="button" className={danger ? 'secondary danger-soft' : 'secondary'} onClick={onTap} disabled={disabled} aria-pressed={pressed} aria-expanded={expanded}>
      {label}
    </button>
  );
}
