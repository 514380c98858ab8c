/** The fields a user is made of in the console: name, role, jobs and warehouses. */
import { FLOOR_JOBS, type Role } from '../../../domain/people/roles';
import type { UserList } from '../../../protocol/users';
import { rolesOffered, toggled, type UserDraft } from './userEditing';
import { useT } from '../../i18n/useT';
import { jobWords, roleWords } from './stepWords';

export function UserFields({ idPrefix, draft, set, myRole, grantable }: { idPrefix: string; draft: UserDraft; set(next: UserDraft): void; myRole: Role; grantable: UserList['grantable'] }) {
  const t = useT();
  return (
    <>
      <label htmlFor={`${idPrefix}-name`}>{t('console.users.displayName')}</label>
      <input id={`${idPrefix}-name`} value={draft.displayName} maxLength={100} onChange={(e) => set({ ...draft, displayName: e.target.value })} />
      <label htmlFor={`${idPrefix}-role`}>{t('console.users.role')}</label>
      <select id={`${idPrefix}-role`} value={draft.role} onChange={(e) => set({ ...draft, role: e.target.value as Role })}>
        {rolesOffered(myRole).map((role) => (
          <option key={role} value={role}>
            {roleWords(t, role)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('console.users.jobs')}</legend>
        {FLOOR_JOBS.map((job) => (
          <label key={job}>
            <input type="checkbox" checked={draft.jobs.includes(job)} onChange={(e) => set({ ...draft, jobs: toggled(draft.jobs, job, e.target.checked) })} /> {jobWords(t, job)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('console.users.warehouses')}</legend>
        {grantable.map((w) => (
          <label key={w.id}>
            <input type="checkbox" checked={draft.warehouseIds.includes(w.id)} onChange={(e) => set({ ...draft, warehouseIds: toggled(draft.warehouseIds, w.id, e.target.checked) })} /> {w.name} ({w.code})
          </label>
        ))}
      </fieldset>
    </>
  );
}
