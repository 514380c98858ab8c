/** A device in a table: its name, with its id's first characters as the secondary detail (its id alone when unnamed). */
import { useT } from '../../i18n/useT';
import { shortDeviceId } from './deviceLabel';

export function DeviceName({ deviceId, name }: { deviceId: string | null; name: string | null }) {
  const t = useT();
  if (deviceId === null) return <>—</>;
  return (
    <span className="device-name">
      {name ?? <span className="note">{t('console.device.unnamed')}</span>} <span className="sku mono">{shortDeviceId(deviceId)}</span>
    </span>
  );
}
