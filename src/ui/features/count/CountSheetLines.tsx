/**
 * The bin's count as lines a gloved thumb can work: each counted line is a button that
 * makes it the line the counter, - and + and a typed quantity are for, with a -1 of its
 * own; in a recount the lines asked again are marked (and listed when not counted yet);
 * what the device expects is listed only when counts are not blind.
 */
import { askedAgain, countOf, sameItem, type CountSheet } from '../../../domain/floor/countSheet';
import type { CountItemKey } from '../../../domain/floor/countFlow';
import { Words } from '../../components/Words';
import { useT } from '../../i18n/useT';

export function CountSheetLines({
  sheet,
  blind,
  chosen,
  nameOf,
  onChoose,
  onMinus,
}: {
  sheet: CountSheet;
  blind: boolean;
  chosen: CountItemKey | null;
  nameOf: (item: { productId: string; lot: string }) => string;
  onChoose: (item: CountItemKey) => void;
  onMinus: (item: CountItemKey) => void;
}) {
  const t = useT();
  const recounting = sheet.firstCount !== null;
  // Asked again but not counted yet in the recount: listed so the counter knows what to look for.
  const stillToRecount = recounting ? (sheet.recount ?? sheet.firstCount ?? []).filter((k) => !sheet.items.some((i) => sameItem(i, k))) : [];
  const expiryOf = (key: { productId: string; lot: string }) => [...(sheet.firstCount ?? []), ...sheet.book].find((k) => sameItem(k, key))?.expiry ?? null;
  return (
    <>
      {stillToRecount.length > 0 && (
        <ul className="counted recount" aria-label={t('count.toRecount')} data-testid="to-recount">
          {stillToRecount.map((key) => (
            <li key={`${key.productId}|${key.lot}`}>
              <button type="button" className="count-line" onClick={() => onChoose({ productId: key.productId, lot: key.lot, expiry: expiryOf(key) })}>
                <span>
                  <span className="again-tag">{t('count.countAgain')}</span>
                  <Words text={nameOf(key)} />
                </span>
                <strong>0</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!blind && (
        <ul className="counted expected" aria-label={t('count.expectedHere')} data-testid="expected">
          {sheet.book.map((line) => (
            <li key={`${line.productId}|${line.lot}`}>
              <span>
                <Words text={nameOf(line)} />
              </span>
              <strong>{line.qty}</strong>
            </li>
          ))}
        </ul>
      )}
      <ul className="counted" aria-label={t('count.countedSoFar')} data-testid="counted">
        {sheet.items.map((item) => {
          const isChosen = chosen !== null && sameItem(chosen, item);
          const again = recounting && askedAgain(sheet, item);
          return (
            <li key={`${item.productId}|${item.lot}`} className={isChosen ? 'chosen' : undefined}>
              <button type="button" className="count-line" aria-pressed={isChosen} onClick={() => onChoose(item)}>
                <span>
                  {again && <span className="again-tag">{t('count.countAgain')}</span>}
                  <Words text={nameOf(item)} />
                  {item.unexpected ? t('count.unexpected') : ''}
                </span>
                <strong>{countOf(sheet, item)}</strong>
              </button>
              <button type="button" className="count-minus" onClick={() => onMinus(item)} disabled={item.qty <= 0}>
                −1<span className="said-only"> {t('count.oneLessOf', nameOf(item))}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
