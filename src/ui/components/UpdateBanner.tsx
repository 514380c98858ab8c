import { useAppStore } from '../store/appStore';

/** A new version is installed: the worker reloads when it suits them; device data is untouched. */
export function UpdateBanner() {
  const ready = useAppStore((s) => s.updateReady);
  const apply = useAppStore((s) => s.applyUpdate);
  if (!ready || !apply) return null;
  return (
    <div className="update-banner" role="alert">
      <span>Update ready</span>
      <button type="button" onClick={apply}>
        Reload
      </button>
    </div>
  );
}
