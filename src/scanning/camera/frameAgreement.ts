/**
 * Turns a stream of per-frame reads into scans. A code becomes a scan when enough
 * frames in a row agree on it (two, or three for a weak read from an engine that
 * cannot count scan lines); a frame in which nothing was read does not break the row
 * (blur while the hand moves), a different code does. Once a code was scanned, the
 * frames that keep showing it are the same scan held in view: it counts again only
 * after it was out of view for `goneAfterMs`, or after another code was scanned.
 */
import type { FrameRead } from './barcodeEngine';

export interface AgreementSettings {
  /** Frames of one code further apart than this do not agree (the code was lost meanwhile). */
  readonly agreeWithinMs: number;
  /** How long a scanned code must be out of view before showing it again is a new scan. */
  readonly goneAfterMs: number;
}

export const DEFAULT_AGREEMENT: AgreementSettings = { agreeWithinMs: 600, goneAfterMs: 900 };

export class FrameAgreement {
  private candidate: { text: string; frames: number; lastAt: number } | null = null;
  private held: { text: string; lastAt: number } | null = null;

  constructor(private readonly settings: AgreementSettings = DEFAULT_AGREEMENT) {}

  /** Offers one frame's read (null: nothing read); returns the read when it has just become a scan. */
  offer(read: FrameRead | null, at: number): FrameRead | null {
    if (this.held && at - this.held.lastAt > this.settings.goneAfterMs) this.held = null;
    if (this.candidate && at - this.candidate.lastAt > this.settings.agreeWithinMs) this.candidate = null;
    if (read === null) return null;
    if (this.held?.text === read.text) {
      this.held.lastAt = at;
      return null;
    }
    if (this.candidate?.text === read.text) {
      this.candidate.frames += 1;
      this.candidate.lastAt = at;
    } else {
      this.candidate = { text: read.text, frames: 1, lastAt: at };
    }
    if (this.candidate.frames < read.framesNeeded) return null;
    this.candidate = null;
    this.held = { text: read.text, lastAt: at };
    return read;
  }
}
