import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { lookUpCode, type LookupResult } from '../../../device/lookup';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Screen } from '../../components/Screen';
import { FindResult } from './FindResult';
import { onScan, announceScan } from '../../../scanning/scanBus';
import { makeScan, type Scan } from '../../../scanning/scan';
import { IGNORE_REPEATS, RepeatFilter } from '../../../scanning/repeatPolicy';
import { giveFeedback, outcomeOf } from '../../feedback/scanFeedback';
import { readPreferences } from '../../preferences';
import { Problem } from '../../components/Screen';
import { useSay, useT } from '../../i18n/useT';
import { CameraButton, CameraSlot } from '../camera/CameraSlot';

/** Find: scan (camera or hardware scanner), type or paste a code; answered from the device. */
export function FindScreen() {
  const search = useAppStore((s) => s.search);
  const t = useT();
  const say = useSay();
  const initial = new URLSearchParams(search).get('code') ?? '';
  const [code, setCode] = useState(initial);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [scanned, setScanned] = useState<Scan | null>(null);
  const [cameraOn, setCameraOn] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  /** Looks the code up and answers with a result and its feedback, or says why the device could not. */
  async function find(text: string): Promise<void> {
    try {
      const found = await lookUpCode(floorDb, text);
      setFailure(null);
      setResult(found);
      giveFeedback(outcomeOf(found), readPreferences().feedback);
    } catch (error) {
      setResult(null);
      setFailure(t('find.lookupFailed', say(error)));
      giveFeedback('error', readPreferences().feedback);
    }
  }

  // The scan listener lives as long as the screen; it calls the latest find (words in the current language).
  const latestFind = useRef(find);
  useEffect(() => {
    latestFind.current = find;
  });

  // Every scan is looked up at once, whatever it came from; a scan from the camera or
  // a hardware scanner leaves the Code field as it was.
  // A layout effect, as every screen's scans (useTaskFlow): listening exactly while shown.
  useLayoutEffect(() => {
    // On Find the same code again within a moment is the same question: asked once.
    const repeats = new RepeatFilter(IGNORE_REPEATS);
    return onScan((scan) => {
      if (!repeats.accepts(scan)) return;
      setScanned(scan.source === 'keyboard' ? null : scan);
      if (scan.meaning.kind === 'invalid' && scan.meaning.error.reason === 'scan-broken') {
        // A burst that broke off is no code to look up: its error, with what arrived.
        const { reason, why, message } = scan.meaning.error;
        setFailure(null);
        setResult({ kind: 'invalid', reason, why, message });
        giveFeedback('error', readPreferences().feedback);
        return;
      }
      void latestFind.current(scan.text).then(() => {
        if (scan.source === 'keyboard') input.current?.select();
      });
    });
  }, []);

  useEffect(() => {
    if (initial) void find(initial).then(() => input.current?.select());
    input.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function submit(event: FormEvent) {
    event.preventDefault();
    announceScan(makeScan(code, 'unknown', 'keyboard', performance.now()));
  }

  return (
    <Screen title={t('find.title')}>
      <p className="expect">{t('find.expect')}</p>
      <form onSubmit={submit} className="form inline">
        <label htmlFor="code">{t('common.code')}</label>
        <input id="code" ref={input} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} enterKeyHint="search" />
        <button type="submit" className="primary">
          {t('find.button')}
        </button>
      </form>
      <CameraButton on={cameraOn} setOn={setCameraOn} />
      <CameraSlot on={cameraOn} onClose={() => setCameraOn(false)} />
      {scanned !== null && (
        <p className="scanned" data-testid="scanned">
          {t('find.scanned', scanned.text.replaceAll('\u001d', '‹GS›'), t(`source.${scanned.source}`))}
        </p>
      )}
      {failure && <Problem message={failure} />}
      {result && <FindResult result={result} />}
    </Screen>
  );
}
