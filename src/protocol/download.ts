/**
 * The first download: after sign-in the device fetches everything its warehouse
 * needs, entity by entity, in pages. Each page carries an opaque cursor; the
 * device stores it with the page's rows in one transaction, so an interrupted
 * download resumes from the last stored page.
 */
import { z } from 'zod';
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
    products: z.number().int(),
    bins: z.number().int(),
    tasks: z.number().int(),
    /** Bin × product × lot lines of stock, carried inside the bins. */
    stockLines: z.number().int(),
  }),
  pageSize: z.number().int().positive(),
  /** Blind counting and the recount threshold, as the warehouse's supervisors set them. */
  settings: warehouseSettingsSchema,
});

export const downloadPageQuerySchema = z.object({
  after: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Cursor for the next page, or null when this was the last one. */
    next: z.string().nullable(),
  });

export const downloadPageSchemas = {
  products: page(productSchema),
  bins: page(binWithStockSchema),
  tasks: page(taskSchema),
} as const;

export type DownloadManifest = z.infer<typeof downloadManifestSchema>;
export type DownloadPage<E extends DownloadEntity> = z.infer<(typeof downloadPageSchemas)[E]>;
