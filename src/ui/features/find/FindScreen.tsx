import { useEffect, useRef, useState, type FormEvent } from 'react';
import { lookUpCode, type LookupResult } from '../../../device/lookup';
import { floorDb } from '../../floor';
import { useAppStore } from '../../store/appStore';
import { Screen } from '../../components/Screen';
import { FindResult } from './FindResult';
import { onWedgeScan } from '../../../scanning/wedgeListener';
import { giveFeedback, outcomeOf } from '../../feedback/scanFeedback';
import { readPreferences } from '../../preferences';

/** Find: type or paste a code (scanners come with the scanning issue); answered from the device. */
export function FindScreen() {
  const search = useAppStore((s) => s.search);
  const initial = new URLSearchParams(search).get('code') ?? '';
  const [code, setCode] = useState(initial);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function find(text: string) {
    show(await lookUpCode(floorDb, text));
    input.current?.select();
  }

  function show(found: LookupResult) {
    setResult(found);
    giveFeedback(outcomeOf(found), readPreferences().feedback);
  }

  // A hardware scanner's code is looked up at once; the Code field is left as it was.
  useEffect(
    () =>
      onWedgeScan((scan) => {
        setScanned(scan.text);
        void lookUpCode(floorDb, scan.text).then(show);
      }),
    [],
  );

  useEffect(() => {
    if (initial) void find(initial);
    input.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  function submit(event: FormEvent) {
    event.preventDefault();
    setScanned(null);
    void find(code);
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
      {result && <FindResult result={result} />}
    </Screen>
  );
}
