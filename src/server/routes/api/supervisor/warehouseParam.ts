import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseOr400 } from '../../../problems';

const params = z.object({ warehouseId: z.string().min(1).max(64) });

/** The warehouse a console route names, once the signed-in supervisor is known to work in it. */
export async function supervisedWarehouse(app: FastifyInstance, request: FastifyRequest): Promise<string> {
  const { warehouseId } = parseOr400(params.loose(), request.params, 'warehouse');
  await app.requireWarehouse(request, warehouseId);
  return warehouseId;
}
