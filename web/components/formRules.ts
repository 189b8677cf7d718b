import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

function issueMessage(issue: z.core.$ZodIssue, field: string, empty: boolean, t: TFunction): string {
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
      throw new Error(issue ? issueMessage(issue, field, empty, t) : t('validation.invalid', { field }));
    },
  };
}

/** Empty strings from inputs become null: the API's optional texts are `string | null`. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
