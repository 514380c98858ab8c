/** The activity log: every step devices sent, searched by user, device, bin, product and time; and the changes to users, settings and device names. */
import { useState } from 'react';
import { activityListSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import type { MessageKey } from '../../i18n/en';
import { Problem } from '../../components/Screen';
import { useT } from '../../i18n/useT';
import { ActivityTable } from './ActivityTable';
import { useConsoleQuery } from './useConsoleQuery';
import { UserChangesTable } from './UserChangesTable';
import { WarehouseChangesTable } from './WarehouseChangesTable';

const FIELDS = [
  { key: 'user', label: 'console.activity.user' },
  { key: 'device', label: 'console.activity.device' },
  { key: 'bin', label: 'console.col.bin' },
  { key: 'product', label: 'console.activity.product' },
  { key: 'from', label: 'console.activity.from' },
  { key: 'to', label: 'console.activity.to' },
] as const satisfies readonly { key: string; label: MessageKey }[];
type Field = (typeof FIELDS)[number]['key'];

export function ActivityPanel({ warehouseId }: { warehouseId: string }) {
  const t = useT();
  const [form, setForm] = useState<Partial<Record<Field, string>>>({});
  const [search, setSearch] = useState('');
  const activity = useConsoleQuery(`${apiPaths.console(warehouseId, 'activity')}?${search}`, activityListSchema);
  const submit = () => {
    const params = new URLSearchParams();
    for (const { key } of FIELDS) {
      const value = form[key]?.trim();
      if (!value) continue;
      // Times as typed in the person's own time zone, sent as instants.
      params.set(key, key === 'from' || key === 'to' ? new Date(value).toISOString() : value);
    }
    setSearch(params.toString());
  };
  const entries = activity.data?.entries ?? [];
  return (
    <section aria-label={t('console.tab.activity')}>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {FIELDS.map(({ key, label }) => (
          <label key={key}>
            {t(label)}
            <input type={key === 'from' || key === 'to' ? 'datetime-local' : 'text'} value={form[key] ?? ''} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
          </label>
        ))}
        <button type="submit" className="primary">
          {t('console.activity.search')}
        </button>
      </form>
      {activity.problem && <Problem message={activity.problem} />}
      <p className="note">{activity.data ? t('console.activity.count', entries.length, entries.length >= 200) : t('common.loading')}</p>
      {activity.data && <ActivityTable entries={entries} />}
      <WarehouseChangesTable warehouseId={warehouseId} />
      <UserChangesTable warehouseId={warehouseId} />
    </section>
  );
}
