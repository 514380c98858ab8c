/** Adding a user: name, role, jobs, warehouses and a first PIN (the server refuses a weak one). */
import { useState } from 'react';
import type { Role } from '../../../domain/people/roles';
import { apiPaths } from '../../../protocol/paths';
import { createdUserSchema, type UserList } from '../../../protocol/users';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useConsoleAction } from './useConsoleQuery';
import { useT } from '../../i18n/useT';
import { UserFields } from './UserFields';
import type { UserDraft } from './userEditing';

export function AddUserForm({ warehouseId, myRole, grantable, added }: { warehouseId: string; myRole: Role; grantable: UserList['grantable']; added(): void }) {
  const blank: UserDraft = { displayName: '', role: 'worker', jobs: ['pick'], warehouseIds: [warehouseId] };
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [draft, setDraft] = useState<UserDraft>(blank);
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useConsoleAction();
  const t = useT();
  const submit = async () => {
    setOutcome(null);
    const answer = await action.run(() => api.post(apiPaths.users, { username: username.trim(), pin, ...draft, displayName: draft.displayName.trim() }, createdUserSchema));
    if (answer) {
      setOutcome(t('console.addUser.added', username.trim()));
      setUsername('');
      setPin('');
      setDraft(blank);
      added();
    }
  };
  return (
    <details className="new-task">
      <summary>{t('console.addUser.summary')}</summary>
      <div className="form">
        <label htmlFor="new-user-username">{t('console.addUser.username')}</label>
        <input id="new-user-username" value={username} maxLength={64} autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
        <UserFields idPrefix="new-user" draft={draft} set={setDraft} myRole={myRole} grantable={grantable} />
        <label htmlFor="new-user-pin">{t('console.addUser.pin')}</label>
        <input id="new-user-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value)} />
        <button type="button" className="primary" onClick={() => void submit()} disabled={action.busy || username.trim() === '' || draft.displayName.trim() === '' || pin === ''}>
          {t('console.addUser.add')}
        </button>
      </div>
      {action.problem && <Problem message={action.problem} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
    </details>
  );
}
