// OpenAPI 3.0 structure, checked by hand for authorization-matrix.test.ts (no OpenAPI validator is among the
// dependencies).

export const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const TOP_LEVEL = new Set([
  'openapi',
  'info',
  'servers',
  'paths',
  'components',
  'security',
  'tags',
  'externalDocs',
]);
const PATH_ITEM = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS]);
const OPERATION = new Set([
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
]);
// The Schema Object of OpenAPI 3.0: a subset of JSON Schema draft 4 with its own extensions.
const SCHEMA_KEYWORDS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
]);
const SCHEMA_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const extension = (k: string) => k.startsWith('x-');

function schemaProblems(schema: unknown, at: string, doc: Record<string, unknown>): string[] {
  if (!isObject(schema)) return [`${at}: a schema must be an object`];
  const problems: string[] = [];
  for (const k of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(k) && !extension(k))
      problems.push(`${at}: "${k}" is not an OpenAPI 3.0 schema keyword`);
  }
  const s = schema as Record<string, unknown>;
  if (s.$ref !== undefined) {
    const target = String(s.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), doc);
    if (!String(s.$ref).startsWith('#/') || target === undefined)
      problems.push(`${at}: unresolved $ref ${s.$ref}`);
  }
  if (s.type !== undefined && (typeof s.type !== 'string' || !SCHEMA_TYPES.has(s.type))) {
    problems.push(
      `${at}: type ${JSON.stringify(s.type)} (3.0 allows one of ${[...SCHEMA_TYPES].join(', ')})`,
    );
  }
  if (s.type === 'array' && s.items === undefined) problems.push(`${at}: an array schema needs items`);
  for (const k of [
    'exclusiveMinimum',
    'exclusiveMaximum',
    'nullable',
    'uniqueItems',
    'readOnly',
    'writeOnly',
  ]) {
    if (s[k] !== undefined && typeof s[k] !== 'boolean')
      problems.push(`${at}: ${k} must be a boolean in 3.0`);
  }
  if (s.required !== undefined) {
    const r = s.required;
    if (
      !Array.isArray(r) ||
      r.length === 0 ||
      r.some((x) => typeof x !== 'string') ||
      new Set(r).size !== r.length
    ) {
      problems.push(`${at}: required must be a non-empty array of distinct names`);
    }
  }
  if (s.enum !== undefined && (!Array.isArray(s.enum) || s.enum.length === 0)) {
    problems.push(`${at}: enum must be a non-empty array`);
  }
  if (s.pattern !== undefined) {
    try {
      new RegExp(String(s.pattern));
    } catch {
      problems.push(`${at}: pattern is not a regular expression`);
    }
  }
  if (s.properties !== undefined) {
    if (!isObject(s.properties)) problems.push(`${at}: properties must be an object`);
    else
      for (const [name, p] of Object.entries(s.properties))
        problems.push(...schemaProblems(p, `${at}.${name}`, doc));
  }
  if (s.items !== undefined) problems.push(...schemaProblems(s.items, `${at}[]`, doc));
  if (isObject(s.additionalProperties))
    problems.push(...schemaProblems(s.additionalProperties, `${at}{}`, doc));
  else if (s.additionalProperties !== undefined && typeof s.additionalProperties !== 'boolean') {
    problems.push(`${at}: additionalProperties must be a boolean or a schema`);
  }
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    if (s[k] === undefined) continue;
    const subs = s[k];
    if (!Array.isArray(subs) || subs.length === 0) {
      problems.push(`${at}: ${k} must be a non-empty array`);
      continue;
    }
    subs.forEach((sub, i) => {
      problems.push(...schemaProblems(sub, `${at}.${k}[${i}]`, doc));
    });
  }
  if (s.not !== undefined) problems.push(...schemaProblems(s.not, `${at}.not`, doc));
  return problems;
}

function contentProblems(content: unknown, at: string, doc: Record<string, unknown>): string[] {
  if (!isObject(content) || Object.keys(content).length === 0) return [`${at}: content must map media types`];
  return Object.entries(content).flatMap(([media, m]) => {
    if (!/^[\w.+-]+\/[\w.+*-]+/.test(media)) return [`${at}: "${media}" is not a media type`];
    if (!isObject(m)) return [`${at}.${media}: a media type object is required`];
    return m.schema === undefined ? [] : schemaProblems(m.schema, `${at}.${media}`, doc);
  });
}

/** The ways a document breaks the OpenAPI 3.0 specification's structure (empty when it is valid). */
export function openApiProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi))
    problems.push('openapi must be 3.0.x');
  for (const k of Object.keys(doc))
    if (!TOP_LEVEL.has(k) && !extension(k)) problems.push(`unknown field ${k}`);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    problems.push('info needs a title and a version');
  }
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.schemas)) {
    for (const [name, s] of Object.entries(components.schemas)) {
      problems.push(...schemaProblems(s, `components.schemas.${name}`, doc));
    }
  }
  if (isObject(components.securitySchemes)) {
    for (const [name, s] of Object.entries(components.securitySchemes)) {
      const ok =
        isObject(s) &&
        ['apiKey', 'http', 'oauth2', 'openIdConnect'].includes(String(s.type)) &&
        (s.type !== 'apiKey' ||
          (typeof s.name === 'string' && ['query', 'header', 'cookie'].includes(String(s.in))));
      if (!ok) problems.push(`components.securitySchemes.${name} is not a security scheme`);
    }
  }
  if (!isObject(doc.paths)) return [...problems, 'paths must be an object'];
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`${path}: a path must start with /`);
    if (/:\w/.test(path)) problems.push(`${path}: path parameters are written {name} in OpenAPI`);
    if (!isObject(item)) {
      problems.push(`${path}: a path item must be an object`);
      continue;
    }
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [field, op] of Object.entries(item)) {
      if (!PATH_ITEM.has(field) && !extension(field)) problems.push(`${path}: unknown field ${field}`);
      if (!HTTP_METHODS.has(field)) continue;
      const at = `${field.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        problems.push(`${at}: an operation must be an object`);
        continue;
      }
      for (const k of Object.keys(op))
        if (!OPERATION.has(k) && !extension(k)) problems.push(`${at}: unknown field ${k}`);
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId)) problems.push(`${at}: duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      const responses = op.responses;
      if (!isObject(responses) || Object.keys(responses).length === 0)
        problems.push(`${at}: responses are required`);
      else {
        for (const [status, r] of Object.entries(responses)) {
          if (!/^(default|[1-5](\d\d|XX))$/.test(status)) problems.push(`${at}: response key ${status}`);
          if (!isObject(r) || typeof r.description !== 'string')
            problems.push(`${at} ${status}: a description is required`);
          else if (r.content !== undefined)
            problems.push(...contentProblems(r.content, `${at} ${status}`, doc));
        }
      }
      if (op.requestBody !== undefined) {
        if (!isObject(op.requestBody)) problems.push(`${at}: requestBody must be an object`);
        else problems.push(...contentProblems(op.requestBody.content, `${at} body`, doc));
      }
      const params = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(op.parameters) ? op.parameters : []),
      ];
      const seen = new Set<string>();
      const inPath: string[] = [];
      for (const p of params) {
        if (
          !isObject(p) ||
          typeof p.name !== 'string' ||
          !['query', 'header', 'path', 'cookie'].includes(String(p.in))
        ) {
          problems.push(`${at}: a parameter needs a name and in: query|header|path|cookie`);
          continue;
        }
        const id = `${p.in}:${p.name}`;
        if (seen.has(id)) problems.push(`${at}: parameter ${id} twice`);
        seen.add(id);
        if (p.in === 'path') {
          inPath.push(p.name);
          if (p.required !== true) problems.push(`${at}: path parameter ${p.name} must be required`);
        }
        if ((p.schema === undefined) === (p.content === undefined))
          problems.push(`${at}: ${id} needs a schema or content`);
        if (p.schema !== undefined) problems.push(...schemaProblems(p.schema, `${at} ${id}`, doc));
      }
      if ([...inPath].sort().join() !== [...templated].sort().join()) {
        problems.push(`${at}: path parameters ${inPath.join(',')} ≠ template {${templated.join('},{')}}`);
      }
    }
  }
  return problems;
}
