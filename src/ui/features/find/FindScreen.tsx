import { useEffect, useRef, useState, type FormEvent } from 'react';
import { lookUpCode, type LookupResult } from '../../../device/lookup';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Screen } from '../../components/Screen';
import { FindResult } from './FindResult';
import { onWedgeScan } from '../../../scanning/wedgeListener';
import { giveFeedback, outcomeOf } from '../../feedback/scanFeedback';
import { readPreferences } from '../../preferences';
import { Problem } from '../../components/Screen';

/** Find: scan, type or paste a code; answered from the device. */
export function FindScreen() {
  const search = useAppStore((s) => s.search);
  const initial = new URLSearchParams(search).get('code') ?? '';
  const [code, setCode] = useState(initial);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);
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
      setFailure(`The device could not look the code up: ${error instanceof Error ? error.message : String(error)}`);
      giveFeedback('error', readPreferences().feedback);
    }
  }

  // A hardware scanner's code is looked up at once; the Code field is left as it was.
  useEffect(
    () =>
      onWedgeScan((scan) => {
        setScanned(scan.text);
        void find(scan.text);
      }),
    [],
  );

  useEffect(() => {
    if (initial) void find(initial).then(() => input.current?.select());
    input.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function submit(event: FormEvent) {
    event.preventDefault();
    setScanned(null);
    void find(code).then(() => input.current?.select());
  }

  return (
    <Screen title="Find">
      <p className="expect">Scan or type a product code or bin</p>
      <form onSubmit={submit} className="form inline">
        <label htmlFor="code">Code</label>
        <input id="code" ref={input} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} enterKeyHint="search" />
        <button type="submit" className="primary">
          Find
        </button>
      </form>
      {scanned !== null && (
        <p className="scanned" data-testid="scanned">
          Scanned {scanned.replaceAll('\u001d', '‹GS›')}
        </p>
      )}
      {failure && <Problem message={failure} />}
      {result && <FindResult result={result} />}
    </Screen>
  );
}
