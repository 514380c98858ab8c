import { useAppStore } from '../store/appStore';
import { useT } from '../i18n/useT';

/** A new version is installed: the worker reloads when it suits them; device data is untouched. */
export function UpdateBanner() {
  const ready = useAppStore((s) => s.updateReady);
  const apply = useAppStore((s) => s.applyUpdate);
  const t = useT();
  if (!ready || !apply) return null;
  return (
    <div className="update-banner" role="alert">
      <span>{t('update.ready')}</span>
      <button type="button" onClick={apply}>
        {t('update.reload')}
      </button>
    </div>
  );
}
