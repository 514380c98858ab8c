/** One user opened in the Users panel: change them, disable or enable them, reset their PIN. */
import { useState } from 'react';
import type { Role } from '../../../domain/people/roles';
import { apiPaths } from '../../../protocol/paths';
import type { ManagedUserRow, UserList } from '../../../protocol/users';
import { Problem } from '../../components/Screen';
import { useConsoleAction } from './useConsoleQuery';
import { UserFields } from './UserFields';
import { changeOf, draftOf } from './userEditing';

export function UserEditor({ user, me, grantable, saved }: { user: ManagedUserRow; me: { id: string; role: Role }; grantable: UserList['grantable']; saved(): void }) {
  const [draft, setDraft] = useState(() => draftOf(user));
  const [pin, setPin] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useConsoleAction();
  const change = changeOf(user, draft);
  const send = async (path: string, body: unknown, said: string) => {
    setOutcome(null);
    if (await action.send(path, body)) {
      setOutcome(said);
      saved();
    }
  };
  const disabled = user.disabledAt !== null;
  return (
    <div className="form" aria-label={`Edit ${user.username}`} role="group">
      <UserFields idPrefix={`user-${user.id}`} draft={draft} set={setDraft} myRole={me.role} grantable={grantable} />
      <button type="button" className="primary" disabled={action.busy || change === null} onClick={() => void send(apiPaths.user(user.id), change, `Saved the changes to ${user.username}.`)}>
        Save changes
      </button>
      <label htmlFor={`user-${user.id}-pin`}>New PIN (ends their sessions: every device signs in again)</label>
      <input id={`user-${user.id}-pin`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value)} />
      <button type="button" disabled={action.busy || pin === ''} onClick={() => void send(apiPaths.userPin(user.id), { pin }, `Reset the PIN of ${user.username}; their devices sign in again.`).then(() => setPin(''))}>
        Reset PIN
      </button>
      {user.id !== me.id && (
        <button type="button" disabled={action.busy} onClick={() => void send(apiPaths.user(user.id), { disabled: !disabled }, disabled ? `Enabled ${user.username}.` : `Disabled ${user.username}: their sessions have ended.`)}>
          {disabled ? 'Enable' : 'Disable'} {user.username}
        </button>
      )}
      {action.problem && <Problem message={action.problem} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
    </div>
  );
}
