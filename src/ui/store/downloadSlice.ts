import type { StateCreator } from 'zustand';
import type { DownloadState } from '../../device/syncState';
import type { DownloadEntity } from '../../protocol/download';
import type { AppState } from './appStore';

export type DownloadStatus = 'idle' | 'running' | 'failed' | 'done';

export interface DownloadSlice {
  downloadStatus: DownloadStatus;
  downloadEntity: DownloadEntity | null;
  downloadState: DownloadState | null;
  /** Why the download stopped: a refusal or failure, worded by the screen. */
  downloadError: unknown;
  downloadStarted(): void;
  downloadProgressed(entity: DownloadEntity | null, state: DownloadState): void;
  downloadFailed(problem: unknown): void;
  downloadFinished(state: DownloadState): void;
}

export const createDownloadSlice: StateCreator<AppState, [], [], DownloadSlice> = (set) => ({
  downloadStatus: 'idle',
  downloadEntity: null,
  downloadState: null,
  downloadError: null,
  downloadStarted: () => set({ downloadStatus: 'running', downloadError: null }),
  downloadProgressed: (downloadEntity, downloadState) => set({ downloadEntity, downloadState }),
  downloadFailed: (downloadError) => set({ downloadStatus: 'failed', downloadError }),
  downloadFinished: (downloadState) => set({ downloadStatus: 'done', downloadState, downloadEntity: null, downloadError: null }),
});

/** Share of the download done, 0..1, counting rows of every entity alike. */
export function downloadShare(state: DownloadState | null): number {
  if (state === null) return 0;
  const entities = Object.values(state.entities);
  const total = entities.reduce((sum, e) => sum + e.total, 0);
  const stored = entities.reduce((sum, e) => sum + Math.min(e.stored, e.total), 0);
  return total === 0 ? 1 : stored / total;
}
