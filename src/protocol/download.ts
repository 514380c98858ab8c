/**
 * The first download: after sign-in the device fetches everything its warehouse
 * needs, entity by entity, in pages. Each page carries an opaque cursor; the
 * device stores it with the page's rows in one transaction, so an interrupted
 * download resumes from the last stored page.
 */
import { z } from './zod';
import { binWithStockSchema, productSchema, taskSchema, warehouseSettingsSchema } from './catalog';

/** Bins come with the stock they hold: a bin is the unit the device stores. */
export const downloadEntities = ['products', 'bins', 'tasks'] as const;
export type DownloadEntity = (typeof downloadEntities)[number];

export const downloadManifestSchema = z.object({
  warehouseId: z.string(),
  /** Identifies this server's data set; a reset or restored server gets a new one. */
  dataEpoch: z.string(),
  /** The warehouse's change clock when the manifest was made. */
  changeClock: z.string(),
  /** Where the device's pulls start after this download: just after changeClock. */
  pullCursor: z.string(),
  counts: z.object({
    products: z.int(),
    bins: z.int(),
    tasks: z.int(),
    /** Bin × product × lot lines of stock, carried inside the bins. */
    stockLines: z.int(),
  }),
  pageSize: z.int().check(z.positive()),
  /** Blind counting and the recount threshold, as the warehouse's supervisors set them. */
  settings: warehouseSettingsSchema,
});

export const downloadPageQuerySchema = z.object({
  after: z.optional(z.string().check(z.maxLength(512))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
});

const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Cursor for the next page, or null when this was the last one. */
    next: z.nullable(z.string()),
  });

export const downloadPageSchemas = {
  products: page(productSchema),
  bins: page(binWithStockSchema),
  tasks: page(taskSchema),
} as const;

export type DownloadManifest = z.infer<typeof downloadManifestSchema>;
export type DownloadPage<E extends DownloadEntity> = z.infer<(typeof downloadPageSchemas)[E]>;
