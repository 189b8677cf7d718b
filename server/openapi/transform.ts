// How the route schemas become the OpenAPI document. A schema registered with an id (`.meta({ id })` in
// common/schemas) is written once as a component and referenced by $ref — fine for bodies and responses, but
// @fastify/swagger expands query strings and path parameters into single parameters itself and cannot follow a
// $ref there. So those are handed over as unregistered copies (`clone(def)`: a copy without the def keeps a link
// to the registered parent and is still written as a $ref).
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
const EXPANDED = ['querystring', 'params', 'headers'] as const;

const unregistered = (schema: unknown): unknown =>
  schema instanceof z.ZodType ? schema.clone(schema._zod.def) : schema;

export const openApiTransform: Transform = (input) => {
  const schema = input.schema as Record<string, unknown> | undefined;
  if (!schema) return jsonSchemaTransform(input);
  const copy = { ...schema };
  for (const key of EXPANDED) if (copy[key]) copy[key] = unregistered(copy[key]);
  return jsonSchemaTransform({ ...input, schema: copy } as Parameters<typeof jsonSchemaTransform>[0]);
};
