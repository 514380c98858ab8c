/**
 * Asks for the lot and/or expiry of an item whose label carries no GS1 code. The
 * worker may still scan the GS1 label instead; the screen's scan handling decides.
 *
 * The expiry is typed in three number fields, in the order the language writes a date
 * (day month year; 年 月 日) and each named, so nothing depends on a browser's own date
 * picker (which showed mm/dd/yyyy whatever the language). domain/calendarDate.ts reads
 * them. The form is submitted by the screen's primary action (Confirm lot).
 */
import { useState, type FormEvent } from 'react';
import { checkLotEntry } from '../../../domain/floor/lotEntry';
import { dateFromFields, type DateField, type DateFields } from '../../../domain/calendarDate';
import type { Why } from '../../../domain/why';
import { useAppStore } from '../../store/appStore';
import { DATE_FIELD_ORDER } from '../../i18n/language';
import { useT } from '../../i18n/useT';

/** The id of the form, for the primary action that submits it. */
export const LOT_ENTRY_FORM = 'lot-entry';

export interface LotQuestion {
  readonly productName: string;
  readonly askLot: boolean;
  readonly askExpiry: boolean;
}

const FIELD_WORDS = { day: 'date.day', month: 'date.month', year: 'date.year' } as const satisfies Record<DateField, string>;
const FIELD_HINTS = { day: 'date.dayHint', month: 'date.monthHint', year: 'date.yearHint' } as const satisfies Record<DateField, string>;

export function LotEntry({ question, onEnter, onFail }: { question: LotQuestion; onEnter: (facts: { lot: string | null; expiry: string | null }) => void; onFail: (why: Why) => void }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const [lotText, setLotText] = useState('');
  const [date, setDate] = useState<DateFields>({ day: '', month: '', year: '' });
  const [wrongField, setWrongField] = useState<DateField | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const lot = question.askLot ? checkLotEntry(lotText) : null;
    if (lot && !lot.ok) return onFail(lot.why);
    const expiry = question.askExpiry ? dateFromFields(date) : null;
    if (expiry && !expiry.ok) {
      setWrongField(expiry.field);
      return onFail(date.day === '' && date.month === '' && date.year === '' ? { code: 'expiry-empty' } : expiry.why);
    }
    setWrongField(null);
    onEnter({ lot: lot?.ok ? lot.value : null, expiry: expiry?.ok ? expiry.value : null });
  }

  return (
    <form id={LOT_ENTRY_FORM} className="form lot-entry" onSubmit={submit} aria-label={t('lot.question', question.productName)}>
      <p className="note">{t('lot.hint')}</p>
      {question.askLot && (
        <div className="lot-row">
          <label htmlFor="lot">{t('lot.lot')}</label>
          <input id="lot" value={lotText} onChange={(e) => setLotText(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </div>
      )}
      {question.askExpiry && (
        <fieldset className="date-fields">
          <legend>{t('lot.expiry')}</legend>
          <div className="date-row">
          {DATE_FIELD_ORDER[language].map((field) => (
            <label key={field} className={field}>
              <span>{t(FIELD_WORDS[field])}</span>
              <input
                id={`expiry-${field}`}
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                placeholder={t(FIELD_HINTS[field])}
                value={date[field]}
                aria-invalid={wrongField === field}
                onChange={(e) => setDate({ ...date, [field]: e.target.value })}
              />
            </label>
          ))}
          </div>
        </fieldset>
      )}
    </form>
  );
}
