import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { importRequestSchema, isoTimeSchema, type ImportReport } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { parseOr400 } from '../../../problems';
import { importCsv } from '../../../repositories/console/masterDataImport';
import { ledgerCsv, stockCsv } from '../../../repositories/console/csvExport';
import { supervisedWarehouse } from './warehouseParam';

const ledgerQuery = z.object({ from: isoTimeSchema.optional(), to: isoTimeSchema.optional() });

/** CSV import of products, bins and stock (checked first; all or nothing unless the valid rows are chosen), and CSV export of stock and ledger. */
export default async function masterDataRoutes(app: FastifyInstance) {
  app.post(apiPaths.routes.importCsv, { bodyLimit: 25 * 1024 * 1024 }, async (request, reply): Promise<ImportReport> => {
    const warehouseId = await supervisedWarehouse(app, request);
    const body = parseOr400(importRequestSchema, request.body, 'import');
    const report = await importCsv(app.db, { warehouseId, ...body });
    request.log.info({ kind: report.kind, mode: report.mode, rows: report.rows, problems: report.problems.length, imported: report.imported }, 'CSV import');
    // The report is the answer, imported or not: it says which rows are wrong and how many were written.
    return reply.status(report.imported > 0 ? 201 : 200).send(report);
  });

  app.get(apiPaths.routes.exportStock, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="stock-${warehouseId}.csv"`).send(await stockCsv(app.db, warehouseId));
  });

  app.get(apiPaths.routes.exportLedger, async (request, reply) => {
    const warehouseId = await supervisedWarehouse(app, request);
    const query = parseOr400(ledgerQuery, request.query, 'time window');
    const to = query.to ? new Date(query.to) : app.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * 86_400_000);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ledger-${warehouseId}.csv"`).send(await ledgerCsv(app.db, warehouseId, from, to));
  });
}
