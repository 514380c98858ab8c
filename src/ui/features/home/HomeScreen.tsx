import type { FloorJob } from '../../../domain/people/roles';
import { mayDo } from '../../../domain/people/roles';
import type { DeviceSession } from '../../../device/syncState';
import { floorDb } from '../../floor';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useAppStore } from '../../store/appStore';
import type { Route } from '../../store/routeSlice';

const JOBS: readonly { job: FloorJob; label: string; path: Route }[] = [
  { job: 'putaway', label: 'Putaway', path: '/putaway' },
  { job: 'pick', label: 'Pick', path: '/pick' },
  { job: 'count', label: 'Count', path: '/count' },
];

export function HomeScreen({ session }: { session: DeviceSession }) {
  const navigate = useAppStore((s) => s.navigate);
  const openTasks = useLiveQuery(async () => {
    const tasks = await floorDb.tasks.where('status').anyOf('open', 'in-progress').toArray();
    const counts: Record<FloorJob, number> = { pick: 0, putaway: 0, count: 0 };
    for (const task of tasks) if (task.assignedTo === null || task.assignedTo === session.user.id) counts[task.kind]++;
    return counts;
  }, [session.user.id], null);
  return (
    <main className="screen">
      <h1>{session.warehouse?.name}</h1>
      <p className="who">
        {session.user.displayName} · {session.warehouse?.code}
      </p>
      <nav className="big-buttons" aria-label="Jobs">
        {JOBS.filter(({ job }) => mayDo(session.user, job)).map(({ job, label, path }) => (
          <button key={job} type="button" className="big" onClick={() => navigate(path)}>
            {label}
            {openTasks && <small>{openTasks[job]} tasks</small>}
          </button>
        ))}
        <button type="button" className="big find" onClick={() => navigate('/find')}>
          Find
          <small>Product or bin</small>
        </button>
      </nav>
      <button type="button" className="link" onClick={() => navigate('/settings')}>
        Settings and device
      </button>
    </main>
  );
}
