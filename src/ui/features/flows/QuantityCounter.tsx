/**
 * The quantity as a worker reads it from arm's length: a big counter ("3 / 12") and,
 * under it, - and + of 64 px around the number field, which takes typing too. What +
 * and - change (a quantity still to confirm, or a running count) is the screen's.
 */
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../i18n/useT';

export interface Stepper {
  /** The field's id and its accessible name (e.g. "Quantity of Apple juice"). */
  readonly id: string;
  readonly label: string;
  /** A few words shown inside the field: what the number is ("to confirm", "into the next bin"). */
  readonly caption: string;
  readonly value: string;
  readonly onType: (text: string) => void;
  readonly onMinus: () => void;
  readonly onPlus: () => void;
  readonly minusDisabled?: boolean;
  readonly plusDisabled?: boolean;
  /** What Enter in the field does: confirm or set the typed quantity. */
  readonly onEnter: () => void;
  /** A button beside the counter that applies what was typed (Set quantity), where the primary does something else. */
  readonly apply?: { readonly label: string; readonly onApply: () => void };
  readonly disabled?: boolean;
}

export function QuantityCounter({ count, caption, stepper, testId }: { count: ReactNode; caption: string; stepper: Stepper | null; testId: string }) {
  const t = useT();
  function submit(event: FormEvent) {
    event.preventDefault();
    stepper?.onEnter();
  }
  return (
    <div className="quantity">
      <div className="counter-row">
        <p className="counter" data-testid={testId}>
          <span className="counter-value">{count}</span>
          <span className="counter-caption">{caption}</span>
        </p>
        {stepper?.apply && (
          <button type="button" className={`step-apply${stepper.value.trim() !== '' ? ' ready' : ''}`} onClick={stepper.apply.onApply} disabled={stepper.disabled}>
            {stepper.apply.label}
          </button>
        )}
      </div>
      {stepper && (
        <form className="stepper" onSubmit={submit}>
          <button type="button" className="step-minus" onClick={stepper.onMinus} disabled={stepper.disabled || stepper.minusDisabled} aria-label={t('flow.minusOne')}>
            −
          </button>
          <span className="stepper-field">
            <span className="stepper-caption" aria-hidden="true">
              {stepper.caption}
            </span>
            <input
              id={stepper.id}
              inputMode="numeric"
              value={stepper.value}
              onChange={(e) => stepper.onType(e.target.value)}
              autoComplete="off"
              aria-label={stepper.label}
              placeholder="0"
              disabled={stepper.disabled}
            />
          </span>
          <button type="button" className="step-plus" onClick={stepper.onPlus} disabled={stepper.disabled || stepper.plusDisabled} aria-label={t('flow.plusOne')}>
            +
          </button>
        </form>
      )}
    </div>
  );
}
