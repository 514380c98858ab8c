import type { ReactNode } from 'react';
import { useAppStore } from '../store/appStore';
import { useT } from '../i18n/useT';

/** A screen: a big title saying what it is, a way home, and its content. */
export function Screen({ title, children, back = true }: { title: string; children: ReactNode; back?: boolean }) {
  const navigate = useAppStore((s) => s.navigate);
  const t = useT();
  return (
    <main className="screen">
      <div className="screen-head">
        {back && (
          <button type="button" className="back" onClick={() => navigate('/')} aria-label={t('nav.back')}>
            ←
          </button>
        )}
        <h1>{title}</h1>
      </div>
      {children}
    </main>
  );
}

export function Problem({ message }: { message: string }) {
  return (
    <p className="problem" role="alert">
      {message}
    </p>
  );
}
