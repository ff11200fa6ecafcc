import type { FastifyReply } from 'fastify';

/** The JSON body of every error the gateway answers: a message for people, a detail for admins. */
export interface GatewayErrorBody {
  error: { message: string; detail?: string };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  message: string,
  detail?: string,
): FastifyReply {
  const body: GatewayErrorBody = { error: detail ? { message, detail } : { message } };
  return reply.code(status).header('cache-control', 'no-store').type('application/json').send(body);
}
