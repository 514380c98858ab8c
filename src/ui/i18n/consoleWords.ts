/**
 * The supervisor console's part of the catalogue, added when the console's code loads
 * (every console screen imports this, and the console is a chunk of its own): the floor
 * starts without these words. The compiler checks the Chinese against the English as
 * for the floor's words (consoleWatchZh.ts, consoleManageZh.ts).
 */
import { addWords } from './language';
import { consoleWatchEn } from './consoleWatchEn';
import { consoleManageEn } from './consoleManageEn';
import { consoleWatchZh } from './consoleWatchZh';
import { consoleManageZh } from './consoleManageZh';

export const consoleEn = { ...consoleWatchEn, ...consoleManageEn };
export const consoleZh: { readonly [K in keyof typeof consoleEn]: (typeof consoleEn)[K] } = { ...consoleWatchZh, ...consoleManageZh };

addWords({ en: consoleEn, zh: consoleZh });
