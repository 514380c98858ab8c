/**
 * The session ran out while work waits: the same worker signs in again with their PIN,
 * and the device carries on with its warehouse and its outbox as they were.
 */
import { useState, type FormEvent } from 'react';
import type { DeviceSession } from '../../../device/syncState';
import { chooseWarehouse } from '../../../device/session';
import { signIn } from '../../../sync/signIn';
import { createApiClient } from '../../../sync/apiClient';
import { floorDb } from '../../floor';
import { appStore } from '../../store/appStore';
import { Problem } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';

export function SignInAgain({ session }: { session: DeviceSession }) {
  const t = useT();
  const say = useSay();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      let renewed = await signIn(floorDb, session.user.username, pin, createApiClient(() => null));
      // Someone who works in several warehouses stays in the one this device holds.
      if (renewed.warehouse === null && session.warehouse) renewed = await chooseWarehouse(floorDb, session.warehouse);
      appStore.getState().setSession(renewed);
      appStore.getState().requestSync('signed-in');
      setPin('');
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form sign-in-again" onSubmit={submit} aria-label={t('sync.signInAgain')}>
      <p className="note">{t('sync.signInAgainWhy', session.user.displayName)}</p>
      <label htmlFor="again-pin">{t('signIn.pin')}</label>
      <input id="again-pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} required />
      <button type="submit" className="primary" disabled={busy}>
        {t('sync.signInAgain')}
      </button>
      {problem !== null && <Problem message={say(problem)} />}
    </form>
  );
}
