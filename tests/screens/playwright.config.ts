import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * `npm run screens`: photographs of every screen of the tour (tests/browser/tour) at a
 * phone's size, in English and Chinese, into screens/ (git ignores it). Not part of
 * `npm test`: it asserts only that each screen was reached; the pictures are for people.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  globalSetup: '../browser/seededTemplate.ts',
  timeout: 300_000,
});
