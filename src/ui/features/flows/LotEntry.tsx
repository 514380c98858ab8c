/**
 * Asks for the lot and/or expiry of an item whose label carries no GS1 code. The
 * worker may still scan the GS1 label instead; the screen's scan handling decides.
 */
import { useState, type FormEvent } from 'react';
import { checkExpiryEntry, checkLotEntry } from '../../../domain/floor/lotEntry';
import type { Why } from '../../../domain/why';
import { useT } from '../../i18n/useT';

export interface LotQuestion {
  readonly productName: string;
  readonly askLot: boolean;
  readonly askExpiry: boolean;
}

export function LotEntry({ question, onEnter, onFail }: { question: LotQuestion; onEnter: (facts: { lot: string | null; expiry: string | null }) => void; onFail: (why: Why) => void }) {
  const t = useT();
  const [lotText, setLotText] = useState('');
  const [expiryText, setExpiryText] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const lot = question.askLot ? checkLotEntry(lotText) : null;
    if (lot && !lot.ok) return onFail(lot.why);
    const expiry = question.askExpiry ? checkExpiryEntry(expiryText) : null;
    if (expiry && !expiry.ok) return onFail(expiry.why);
    onEnter({ lot: lot?.ok ? lot.value : null, expiry: expiry?.ok ? expiry.value : null });
  }

  return (
    <form className="form lot-entry" onSubmit={submit} aria-label={t('lot.question', question.productName)}>
      <p className="note">{t('lot.question', question.productName)}</p>
      {question.askLot && (
        <>
          <label htmlFor="lot">{t('lot.lot')}</label>
          <input id="lot" value={lotText} onChange={(e) => setLotText(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </>
      )}
      {question.askExpiry && (
        <>
          <label htmlFor="expiry">{t('lot.expiry')}</label>
          <input id="expiry" type="date" value={expiryText} onChange={(e) => setExpiryText(e.target.value)} />
        </>
      )}
      <button type="submit" className="primary">
        {t('lot.confirm')}
      </button>
    </form>
  );
}
