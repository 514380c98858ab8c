import { useState } from 'react';
import { chooseWarehouse } from '../../../device/session';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Problem } from '../../components/Screen';

/** Shown after sign-in when the user works in more than one warehouse. */
export function ChooseWarehouseScreen({ session }: { session: DeviceSession }) {
  const setSession = useAppStore((s) => s.setSession);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <main className="screen">
      <h1>Choose warehouse</h1>
      <p>Signed in as {session.user.displayName}. This device will hold the warehouse you choose.</p>
      <div className="big-buttons">
        {session.warehouses.map((warehouse) => (
          <button
            key={warehouse.id}
            type="button"
            className="big"
            onClick={() => {
              chooseWarehouse(floorDb, warehouse).then(setSession, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
            }}
          >
            {warehouse.name} ({warehouse.code})
          </button>
        ))}
      </div>
      {problem && <Problem message={problem} />}
    </main>
  );
}
