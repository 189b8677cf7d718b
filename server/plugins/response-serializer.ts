import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

/**
 * How a route's response body becomes JSON (buildApp's `responses` option).
 *
 * The zod serializer of fastify-type-provider-zod parses every body by the route's response schema before
 * JSON.stringify — 6–10 % of a ledger list's CPU time under load (bench/profile.ts: zod and the provider). A
 * parse can only drop keys the schema does not name or change a value; so in tests every body is parsed and must
 * come out the same ('check'), and in production it is serialised as it is ('trust'): the contract a tested
 * route keeps is the one the schema states.
 */
type Compiler = FastifySerializerCompiler<unknown>;

const zodSerializer = serializerCompiler as unknown as Compiler;
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

export const checkedSerializerCompiler: Compiler = (route) => {
  const serialize = zodSerializer(route);
  return (data) => {
    const parsed = serialize(data);
    if (!isDeepStrictEqual(JSON.parse(parsed), asJson(data)))
      throw new Error(`the response of ${route.method} ${route.url} carries what its schema does not state`);
    return parsed;
  };
};

export const trustedSerializerCompiler: Compiler = () => (data) => JSON.stringify(data);
