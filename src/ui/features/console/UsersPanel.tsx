/**
 * Users: everyone for an admin; for a supervisor, the people of their warehouses, of whom
 * they manage the workers (the others say who does). Add, change, disable or enable,
 * reset a PIN; each change is audited and shows in the Activity tab.
 */
import { useState } from 'react';
import type { Role } from '../../../domain/people/roles';
import { apiPaths } from '../../../protocol/paths';
import { userListSchema } from '../../../protocol/users';
import { Problem } from '../../components/Screen';
import { AddUserForm } from './AddUserForm';
import { UserEditor } from './UserEditor';
import { useConsoleQuery } from './useConsoleQuery';
import { useFormat, useT } from '../../i18n/useT';
import { jobWords, roleWords } from './stepWords';
import { whyNotManageable } from './userEditing';

export function UsersPanel({ warehouseId, me }: { warehouseId: string; me: { id: string; role: Role } }) {
  const t = useT();
  const format = useFormat();
  const list = useConsoleQuery(apiPaths.users, userListSchema);
  const [open, setOpen] = useState<string | null>(null);
  const grantable = list.data?.grantable ?? [];
  const codeOf = (id: string) => grantable.find((w) => w.id === id)?.code ?? id;
  return (
    <section aria-label={t('console.tab.users')}>
      <AddUserForm warehouseId={warehouseId} myRole={me.role} grantable={grantable} added={list.refresh} />
      {list.problem && <Problem message={list.problem} />}
      <h2>{t('console.tab.users')}</h2>
      <div className="table-scroll" tabIndex={0}>
        <table className="console-table" data-testid="users">
          <thead>
            <tr>
              <th>{t('console.col.user')}</th>
              <th>{t('console.users.name')}</th>
              <th>{t('console.users.role')}</th>
              <th>{t('console.users.jobs')}</th>
              <th>{t('console.users.warehouses')}</th>
              <th>{t('console.users.status')}</th>
              <th>{t('console.users.manage')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.users ?? []).map((u) => (
              <tr key={u.id} className={u.disabledAt ? 'attention' : ''}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{roleWords(t, u.role)}</td>
                <td>{u.jobs.map((job) => jobWords(t, job)).join(t('console.listSeparator')) || '—'}</td>
                <td>{u.warehouseIds.map(codeOf).join(', ')}</td>
                <td>{u.disabledAt ? t('console.users.disabledAt', format.dateTime(u.disabledAt)) : t('console.users.active')}</td>
                <td>
                  {u.notManageable ? (
                    <span className="note">{whyNotManageable(t, u, grantable.map((w) => w.id))}</span>
                  ) : open === u.id ? (
                    <>
                      <button type="button" onClick={() => setOpen(null)}>
                        {t('console.close')}
                      </button>
                      <UserEditor key={`${u.id}:${u.role}:${u.jobs.join()}:${u.warehouseIds.join()}:${u.displayName}`} user={u} me={me} grantable={grantable} saved={list.refresh} />
                    </>
                  ) : (
                    <button type="button" onClick={() => setOpen(u.id)} aria-label={t('console.users.manageOne', u.username)}>
                      {t('console.users.manage')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
