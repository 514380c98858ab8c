import { useState, type FormEvent } from 'react';
import { signIn } from '../../../sync/signIn';
import { floorDb, api } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem } from '../../components/Screen';
import { requestPersistentStorage } from '../../../device/storageHealth';
import { useSay, useT } from '../../i18n/useT';
import { StorageLostNotice } from '../../components/StorageLostNotice';

export function SignInScreen() {
  const setSession = useAppStore((s) => s.setSession);
  const online = useAppStore((s) => s.online);
  const t = useT();
  const say = useSay();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [waiting, setWaiting] = useState<number | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await signIn(floorDb, username, pin, api, { onWait: setWaiting });
      // Ask now, while the worker is here: it keeps the browser from evicting the floor data.
      void requestPersistentStorage();
      setSession(session);
    } catch (error) {
      setProblem(error);
      setPin('');
    } finally {
      setBusy(false);
      setWaiting(null);
    }
  }

  return (
    <main className="screen">
      <StorageLostNotice />
      <h1>{t('signIn.title')}</h1>
      {!online && <Problem message={t('signIn.offline')} />}
      <form onSubmit={submit} className="form">
        <label htmlFor="username">{t('signIn.user')}</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="pin">{t('signIn.pin')}</label>
        <input id="pin" name="pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      {waiting !== null && <p role="status">{t('signIn.waiting', waiting)}</p>}
      {problem !== null && <Problem message={say(problem)} />}
    </main>
  );
}
