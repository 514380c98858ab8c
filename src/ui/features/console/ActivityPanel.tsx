/** The activity log: every step devices sent, searched by user, device, bin, product and time; and the changes to users. */
import { useState } from 'react';
import { activityListSchema } from '../../../protocol/console';
import { apiPaths } from '../../../protocol/paths';
import { Problem } from '../../components/Screen';
import { ActivityTable } from './ActivityTable';
import { useConsoleQuery } from './useConsoleQuery';
import { UserChangesTable } from './UserChangesTable';

const FIELDS = [
  { key: 'user', label: 'User' },
  { key: 'device', label: 'Device (first characters)' },
  { key: 'bin', label: 'Bin' },
  { key: 'product', label: 'Product (SKU or code)' },
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
] as const;
type Field = (typeof FIELDS)[number]['key'];

export function ActivityPanel({ warehouseId }: { warehouseId: string }) {
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
  return (
    <section aria-label="Activity">
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {FIELDS.map(({ key, label }) => (
          <label key={key}>
            {label}
            <input type={key === 'from' || key === 'to' ? 'datetime-local' : 'text'} value={form[key] ?? ''} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
          </label>
        ))}
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      {activity.problem && <Problem message={activity.problem} />}
      <p className="note">{activity.data ? `${activity.data.entries.length} steps${activity.data.entries.length >= 200 ? ' (the latest 200; narrow the search for older ones)' : ''}, newest first. Without a From time: the last 24 hours.` : 'Loading…'}</p>
      {activity.data && <ActivityTable entries={activity.data.entries} />}
      <UserChangesTable warehouseId={warehouseId} />
    </section>
  );
}
