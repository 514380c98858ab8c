/**
 * The schema library of the wire: zod/mini, zod's functional API on the same core as
 * classic zod. Every schema of src/protocol is made with the `z` this module exports.
 *
 * Why mini: the app bundles every protocol schema, and classic zod's schema classes
 * carry JSON-Schema methods the app never calls; they were 90 KiB of the precache
 * (vite.config.ts has its budget). The server turns these schemas into its OpenAPI
 * document with core's `toJSONSchema`, which reads any schema by its kind.
 *
 * Why here: zod/mini loads no locale, so a refused value's issue would read "Invalid
 * input" where classic zod says "Too big: expected string to have <=64 characters". The
 * device shows those messages to people (a bad answer from the server, a step it cannot
 * record), and the server answers them; English is set once, before any schema exists.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
