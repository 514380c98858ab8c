import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReportSchema, importRequestSchema, isoTimeSchema, type ImportReport } from '../../../../protocol/console';
import { apiPaths } from '../../../../protocol/paths';
import { importCsv } from '../../../repositories/console/masterDataImport';
import { ledgerCsv, stockCsv } from '../../../repositories/console/csvExport';
import { access, problems, warehouseParams, type BodyLimits } from '../routeSchema';
import { supervisedWarehouse } from './warehouseParam';

const ledgerQuery = z.object({ from: z.optional(isoTimeSchema).describe('ISO time, inclusive (default: 7 days before `to`).'), to: z.optional(isoTimeSchema).describe('ISO time, exclusive (default: now).') });
const csvFile = (description: string) => ({ description, content: { 'text/csv': { schema: z.string().describe('RFC 4180, UTF-8, CRLF') } } });

const importDescription =
  'The CSV (comma or semicolon, quoted fields, a header line naming the columns) is checked row by row. mode=check: report only. mode=all: import only if every row is good, else nothing. mode=valid-only: import the good rows and leave the others out, on purpose. The answer is the report (rows, good rows, problems by line and column, rows imported): 201 when something was imported, 200 otherwise. A product row is the whole product (its codes replace the old ones); a bin row makes its zone if new; a stock row sets the quantity now (the ledger gets the difference). The body may be as large as IMPORT_BODY_LIMIT_BYTES.';

/** CSV import of products, bins and stock (checked first; all or nothing unless the valid rows are chosen), and CSV export of stock and ledger. */
export default async function masterDataRoutes(app: FastifyInstance, options: { bodyLimits: BodyLimits }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const supervisor = access('supervisor');
  const refused = problems('supervisor');

  routes.post(
    apiPaths.routes.importCsv,
    {
      bodyLimit: options.bodyLimits.csvImport,
      config: { what: 'import' },
      schema: {
        operationId: 'importCsv',
        summary: 'Import products, bins or stock from CSV',
        description: importDescription,
        ...supervisor,
        params: warehouseParams,
        body: importRequestSchema,
        response: { 200: importReportSchema.check(z.describe('Checked, or nothing imported: the report.')), 201: importReportSchema.check(z.describe('Rows imported: the report.')), ...refused },
      },
    },
    async (request, reply): Promise<ImportReport> => {
      const warehouseId = await supervisedWarehouse(app, request);
      const report = await importCsv(app.db, { warehouseId, ...request.body });
      request.log.info({ kind: report.kind, mode: report.mode, rows: report.rows, problems: report.problems.length, imported: report.imported }, 'CSV import');
      // The report is the answer, imported or not: it says which rows are wrong and how many were written.
      return reply.status(report.imported > 0 ? 201 : 200).send(report);
    },
  );

  routes.get(
    apiPaths.routes.exportStock,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'warehouse' },
      schema: { operationId: 'exportStock', summary: 'Stock as CSV', description: 'Per bin, product and lot, with the unit cost and value where known.', ...supervisor, params: warehouseParams, response: { 200: csvFile('The stock, one line per bin, product and lot.'), ...refused } },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="stock-${warehouseId}.csv"`).send(await stockCsv(app.db, warehouseId));
    },
  );

  routes.get(
    apiPaths.routes.exportLedger,
    {
      bodyLimit: options.bodyLimits.request,
      config: { what: 'time window' },
      schema: {
        operationId: 'exportLedger',
        summary: 'The ledger as CSV',
        description: 'Every movement between `from` and `to` (default: the last 7 days) with the operation, user and device that caused it.',
        ...supervisor,
        params: warehouseParams,
        querystring: ledgerQuery,
        response: { 200: csvFile('The movements, oldest first.'), ...refused },
      },
    },
    async (request, reply) => {
      const warehouseId = await supervisedWarehouse(app, request);
      const query = request.query;
      const to = query.to ? new Date(query.to) : app.now();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 7 * 86_400_000);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ledger-${warehouseId}.csv"`).send(await ledgerCsv(app.db, warehouseId, from, to));
    },
  );
}
