// The forms refuse what the server refuses, and say why in the user's language, naming the field by its label.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateRosterPersonRequest } from '../../common/schemas/roster';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { schemaRules } from './formRules';

type Validator = (rule: unknown, value: unknown) => Promise<void>;

async function messageOf(t: TFunction, field: 'mobile' | 'name', label: string, value: unknown) {
  const [rule] = schemaRules(UpdateRosterPersonRequest, t).rules(field, label);
  try {
    await (rule as { validator: Validator }).validator({}, value);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('schemaRules (a form field takes its rules from the shared schema)', () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN' });
    zh = i18n.getFixedT('zh-CN');
    english = i18n.getFixedT('en');
  });

  it('refuses 12345 and a 10-digit mobile, explaining what a number looks like, in Chinese and in English', async () => {
    for (const bad of ['12345', '1380574123']) {
      expect(await messageOf(zh, 'mobile', '手机', bad)).toBe(
        '手机格式不正确：手机号为 1 开头的 11 位数字，固定电话为 7–8 位号码（可加区号、分机号）',
      );
      expect(await messageOf(english, 'mobile', 'Mobile', bad)).toMatch(/^Mobile is not a phone number: /);
    }
    for (const ok of ['13805741234', '0574-88951234', '89294017']) {
      expect(await messageOf(zh, 'mobile', '手机', ok), ok).toBeNull();
    }
  });

  it('says the limit of an over-long text instead of cutting it silently', async () => {
    expect(await messageOf(zh, 'name', '姓名', '张'.repeat(200))).toMatch(/^姓名不能超过 \d+ 个字符$/);
  });
});
