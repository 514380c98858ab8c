import { useState } from 'react';
import { chooseWarehouse } from '../../../device/session';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';

/** Shown after sign-in when the user works in more than one warehouse. */
export function ChooseWarehouseScreen({ session }: { session: DeviceSession }) {
  const setSession = useAppStore((s) => s.setSession);
  const [problem, setProblem] = useState<unknown>(null);
  const t = useT();
  const say = useSay();
  return (
    <main className="screen">
      <h1>{t('warehouse.title')}</h1>
      <p>{t('warehouse.intro', session.user.displayName)}</p>
      <div className="big-buttons">
        {session.warehouses.map((warehouse) => (
          <button
            key={warehouse.id}
            type="button"
            className="big"
            onClick={() => {
              chooseWarehouse(floorDb, warehouse).then(setSession, (error: unknown) => setProblem(error));
            }}
          >
            {warehouse.name} ({warehouse.code})
          </button>
        ))}
      </div>
      {problem !== null && <Problem message={say(problem)} />}
    </main>
  );
}
