import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { z } from 'zod';

function issueMessage(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  field: string,
  empty: boolean,
  t: TFunction,
): string {
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return t('validation.required', { field });
      return issue.expected === 'int'
        ? t('validation.integer', { field })
        : t('validation.invalid', { field });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return empty || min <= 1
          ? t('validation.required', { field })
          : t('validation.tooShort', { field, min });
      }
      return t('validation.tooSmall', { field, min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string'
        ? t('validation.tooLong', { field, max })
        : t('validation.tooBig', { field, max });
    }
    case 'custom':
      // the shared Phone schema's own rule: say what a number looks like
      if (!empty && z.globalRegistry.get(schema)?.id === 'Phone') return t('validation.phone', { field });
      return empty ? t('validation.required', { field }) : t('validation.invalid', { field });
    default:
      return empty ? t('validation.required', { field }) : t('validation.invalid', { field });
  }
}

/**
 * An antd form rule from a field of a common/ request schema: the form refuses exactly what the
 * server would, with a message in the UI's language.
 */
export function zodRule(schema: z.ZodType, field: string, t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const empty = value === undefined || value === null || value === '';
      const result = schema.safeParse(empty ? undefined : value);
      if (result.success) return;
      const issue = result.error.issues[0];
      throw new Error(
        issue ? issueMessage(issue, unwrapped(schema), field, empty, t) : t('validation.invalid', { field }),
      );
    },
  };
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/**
 * The rules of a form whose fields are those of a shared request schema (common/schemas): each field
 * refuses what the server would (required, length, range) and an input knows its maximum length.
 *
 *   const f = schemaRules(AnalysisRequest, t);
 *   <Form.Item name="analysis" rules={f.rules('analysis', label)}><Input maxLength={f.max('analysis')} />
 *
 * `required: true` makes an optional field required for this form (e.g. a reason the schema asks for only
 * in one case, checked there by the schema's own refinement).
 */
export function schemaRules<S extends z.ZodObject>(schema: S, t: TFunction) {
  const field = (key: keyof S['shape'] & string): z.ZodType => schema.shape[key] as z.ZodType;
  return {
    rules: (key: keyof S['shape'] & string, label: string, options?: { required?: boolean }): FormRule[] => [
      zodRule(options?.required ? unwrapped(field(key)) : field(key), label, t),
    ],
    max: (key: keyof S['shape'] & string): number | undefined => {
      const inner = unwrapped(field(key));
      return inner instanceof z.ZodString ? (inner.maxLength ?? undefined) : undefined;
    },
  };
}

/** Empty strings from inputs become null: the API's optional texts are `string | null`. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
