import { describe, expect, it } from 'vitest';
import { announceScan, HELD_FOR_MS, onScan } from './scanBus';
import { makeScan } from './scan';

describe('the scan bus', () => {
  it('holds a scan made while no screen listens and gives it to the next listener, in order; an old one is dropped', () => {
    let clock = 1000;
    const now = () => clock;
    announceScan(makeScan('OLD-1', 'unknown', 'scanner', 0), now);
    clock += HELD_FOR_MS + 1;
    announceScan(makeScan('A-01-01-1', 'unknown', 'scanner', 0), now);
    announceScan(makeScan('A-01-01-2', 'unknown', 'scanner', 0), now);
    const heard: string[] = [];
    const stop = onScan((scan) => heard.push(scan.text), now);
    expect(heard).toEqual(['A-01-01-1', 'A-01-01-2']);
    announceScan(makeScan('A-01-01-3', 'unknown', 'scanner', 0), now);
    expect(heard).toEqual(['A-01-01-1', 'A-01-01-2', 'A-01-01-3']);
    stop();
    const again: string[] = [];
    onScan((scan) => again.push(scan.text), now)();
    expect(again).toEqual([]);
  });
});
