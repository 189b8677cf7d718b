// A chosen file the server would refuse — a type it does not accept, a size over its limit — is refused in the
// browser at once, saying the limit, before anything is read or sent.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { UPLOADS } from '../../common/uploads';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { refuseFile } from './files';

const MB = 1024 * 1024;

describe('refuseFile (the browser checks a file against the server’s limits)', () => {
  let zh: TFunction;
  let english: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false }, // as in web/i18n/index.ts
    });
    zh = i18n.getFixedT('zh-CN');
    english = i18n.getFixedT('en');
  });

  it('refuses an attachment over 10 MB, naming the limit', () => {
    const big = { name: '会议纪要.pdf', size: 10 * MB + 1 };
    expect(refuseFile(big, UPLOADS.attachment, zh)).toContain('10 MB');
    expect(refuseFile(big, UPLOADS.attachment, english)).toContain('10 MB');
    expect(refuseFile({ name: '会议纪要.pdf', size: 10 * MB }, UPLOADS.attachment, zh)).toBeNull();
  });

  it('refuses a type the server does not accept, listing the accepted ones', () => {
    const exe = { name: 'setup.EXE', size: 1000 };
    expect(refuseFile(exe, UPLOADS.attachment, zh)).toMatch(/pdf \/ docx \/ xlsx/);
    expect(refuseFile({ name: 'no-extension', size: 10 }, UPLOADS.attachment, english)).toMatch(
      /not an allowed type/,
    );
    expect(refuseFile({ name: '照片.JPG', size: 10 }, UPLOADS.attachment, zh)).toBeNull();
  });

  it('an import takes only its own kind of file, up to 6 MB', () => {
    expect(refuseFile({ name: '名单.docx', size: 100 }, UPLOADS.importXlsx, zh)).toMatch(/xlsx/);
    expect(refuseFile({ name: '名单.xlsx', size: 7 * MB }, UPLOADS.importXlsx, english)).toContain('6 MB');
    expect(refuseFile({ name: '通知.docx', size: 6 * MB }, UPLOADS.importDocx, zh)).toBeNull();
  });
});
