/** One user opened in the Users panel: change them, disable or enable them, reset their PIN. */
import { useState } from 'react';
import type { Role } from '../../../domain/people/roles';
import { apiPaths } from '../../../protocol/paths';
import type { ManagedUserRow, UserList } from '../../../protocol/users';
import { Problem } from '../../components/Screen';
import { useConsoleAction } from './useConsoleQuery';
import { UserFields } from './UserFields';
import { changeOf, draftOf } from './userEditing';
import { useT } from '../../i18n/useT';

export function UserEditor({ user, me, grantable, saved }: { user: ManagedUserRow; me: { id: string; role: Role }; grantable: UserList['grantable']; saved(): void }) {
  const [draft, setDraft] = useState(() => draftOf(user));
  const [pin, setPin] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useConsoleAction();
  const t = useT();
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
    <div className="form" aria-label={t('console.userEdit.group', user.username)} role="group">
      <UserFields idPrefix={`user-${user.id}`} draft={draft} set={setDraft} myRole={me.role} grantable={grantable} />
      <button type="button" className="primary" disabled={action.busy || change === null} onClick={() => void send(apiPaths.user(user.id), change, t('console.userEdit.saved', user.username))}>
        {t('console.userEdit.save')}
      </button>
      <label htmlFor={`user-${user.id}-pin`}>{t('console.userEdit.newPin')}</label>
      <input id={`user-${user.id}-pin`} type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value)} />
      <button type="button" disabled={action.busy || pin === ''} onClick={() => void send(apiPaths.userPin(user.id), { pin }, t('console.userEdit.pinReset', user.username)).then(() => setPin(''))}>
        {t('console.userEdit.resetPin')}
      </button>
      {user.id !== me.id && (
        <button type="button" disabled={action.busy} onClick={() => void send(apiPaths.user(user.id), { disabled: !disabled }, disabled ? t('console.userEdit.enabled', user.username) : t('console.userEdit.disabled', user.username))}>
          {disabled ? t('console.userEdit.enable', user.username) : t('console.userEdit.disable', user.username)}
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
