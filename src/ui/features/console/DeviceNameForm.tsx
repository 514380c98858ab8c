/** Naming a device: what supervisors call it ("Cold room 2"), shown wherever it appears; empty takes the name away. */
import { useState } from 'react';
import { apiPaths } from '../../../protocol/paths';
import { changedAnswerSchema, MAX_DEVICE_NAME } from '../../../protocol/warehouseSettings';
import { Problem } from '../../components/Screen';
import { api } from '../../floor';
import { useT } from '../../i18n/useT';
import { useConsoleAction } from './useConsoleQuery';
import { deviceText } from './deviceLabel';

export function DeviceNameForm({ warehouseId, deviceId, name, saved, close }: { warehouseId: string; deviceId: string; name: string | null; saved(): void; close?: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState(name ?? '');
  const [outcome, setOutcome] = useState<string | null>(null);
  const action = useConsoleAction();
  const inputId = `device-name-${deviceId}`;
  const submit = async () => {
    setOutcome(null);
    const next = draft.trim() === '' ? null : draft.trim();
    const answer = await action.run(() => api.post(apiPaths.deviceName(warehouseId, deviceId), { name: next }, changedAnswerSchema));
    if (answer) {
      setOutcome(next === null ? t('console.device.unnamedNow') : t('console.device.renamed', next));
      saved();
    }
  };
  return (
    <form
      className="device-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId}>{t('console.device.nameLabel', deviceText(t, deviceId, name))}</label>
      <input id={inputId} value={draft} maxLength={MAX_DEVICE_NAME} autoComplete="off" placeholder={t('console.device.namePlaceholder')} onChange={(e) => setDraft(e.target.value)} />
      <p className="note">{t('console.device.nameHint', MAX_DEVICE_NAME)}</p>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={action.busy || draft.trim() === (name ?? '')}>
          {t('console.device.saveName')}
        </button>
        {close && (
          <button type="button" onClick={close}>
            {t('console.close')}
          </button>
        )}
      </div>
      {action.problem && <Problem message={action.problem} />}
      {outcome && (
        <p className="saved" role="status">
          {outcome}
        </p>
      )}
    </form>
  );
}
