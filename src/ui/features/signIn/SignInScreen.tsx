import { useState, type FormEvent } from 'react';
import { signIn } from '../../../sync/signIn';
import { floorDb, api } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem } from '../../components/Screen';
import { requestPersistentStorage } from '../../../device/storageHealth';

export function SignInScreen() {
  const setSession = useAppStore((s) => s.setSession);
  const online = useAppStore((s) => s.online);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await signIn(floorDb, username, pin, api);
      // Ask now, while the worker is here: it keeps the browser from evicting the floor data.
      void requestPersistentStorage();
      setSession(session);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen">
      <h1>Sign in</h1>
      {!online && <Problem message="The device is offline. Signing in needs the network once; then the app works offline." />}
      <form onSubmit={submit} className="form">
        <label htmlFor="username">User</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="pin">PIN</label>
        <input id="pin" name="pin" type="password" inputMode="numeric" autoComplete="current-password" value={pin} onChange={(e) => setPin(e.target.value)} required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {problem && <Problem message={problem} />}
    </main>
  );
}
