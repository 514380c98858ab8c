/**
 * Why a line is short, asked in a sheet over the thumb zone: the reasons and Cancel in
 * two rows of 64 px. The sheet is lower than the secondary row it opens from, so the
 * second tap of a double tap on Short pick lands on the dimmed screen above it, which
 * does nothing, never on a reason; and each button ignores such a second tap anyway.
 */
import type { ReactNode } from 'react';
import type { ShortReason } from '../../../domain/floor/operations';
import { useT } from '../../i18n/useT';
import { useFreshTap } from '../flows/tapGuard';

const SHORT_REASONS: readonly ShortReason[] = ['not-found', 'damaged', 'less-than-expected'];

export function ShortPickSheet({ onChoose, onClose }: { onChoose: (reason: ShortReason) => void; onClose: () => void }) {
  const t = useT();
  return (
    <div className="sheet-shade">
      <div className="sheet" role="dialog" aria-label={t('pick.shortWhy')}>
        <p className="sheet-title">{t('pick.shortWhy')}</p>
        <div className="sheet-buttons" role="group" aria-label={t('pick.shortWhy')}>
          {SHORT_REASONS.map((reason) => (
            <SheetButton key={reason} danger onTap={() => onChoose(reason)}>
              {t(`short.${reason}`)}
            </SheetButton>
          ))}
          <SheetButton onTap={onClose}>{t('common.cancel')}</SheetButton>
        </div>
      </div>
    </div>
  );
}

function SheetButton({ onTap, danger = false, children }: { onTap: () => void; danger?: boolean; children: ReactNode }) {
  const tap = useFreshTap('sheet', onTap);
  return (
    <button type="button" className={danger ? 'danger-soft' : undefined} onClick={tap}>
      {children}
    </button>
  );
}
