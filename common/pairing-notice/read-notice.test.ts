import { describe, expect, it } from 'vitest';
import { NOTICE_ISSUE_MESSAGES, readNoticeRows, readNoticeText } from './index.js';

const pairsOf = (text: string) => readNoticeText(text).pairs.map((p) => `${p.counterpart}|${p.department}`);

/** 附件1 of the seed notice (奉政发〔2019〕47号), as published. */
const SEED_LIST = `附件1
区政府部门与民主党派、工商联和无党派人士对口联系名单

民革奉化区委会：区公安分局、区司法局、区交通局、区农业农村局、区卫生健康局、区综合执法局

民建奉化总支部：区发改局、区财政局、区住建局、区自然资源和规划分局

民盟奉化支部：区教育局、区科技局、区文广旅体局、区统计局

区工商联：区经信局、区人力社保局、区生态环境分局、区税务局、区应急管理局、区审计局、区市场监管局

无党派人士：区民政局、区水利局、区商务局、区退役军人事务局、区医保局`;

describe('readNoticeText: the grammar of a notice', () => {
  it('reads the seed list (counterpart：departments), 26 pairs with the line and words they came from', () => {
    const { pairs, issues } = readNoticeText(SEED_LIST);
    expect(pairs).toHaveLength(26);
    expect(issues).toEqual([]);
    expect(pairs[0]).toEqual({
      counterpart: '民革奉化区委会',
      department: '区公安分局',
      line: 4,
      source: '民革奉化区委会：区公安分局、区司法局、区交通局、区农业农村局、区卫生健康局、区综合执法局',
      shared: false,
    });
    expect(pairsOf(SEED_LIST)).toContain('无党派人士|区医保局');
    expect(pairsOf(SEED_LIST)).toContain('区工商联|区市场监管局');
  });

  it('reads departments-first sentences with a scope, lending the level to a bare short party name', () => {
    expect(pairsOf('县水利局、县林业局主要对口联系民进、九三县委。')).toEqual([
      '民进县委|县水利局',
      '民进县委|县林业局',
      '九三县委|县水利局',
      '九三县委|县林业局',
    ]);
  });

  it('never glues a scope (主要, 直接, 普遍, 共同) into a name', () => {
    const found = pairsOf(
      '县财政局主要联系民建县委；县统计局直接对口联系民盟县委；县审计局共同联系农工党县委',
    );
    expect(found).toEqual(['民建县委|县财政局', '民盟县委|县统计局', '农工党县委|县审计局']);
  });

  it('reads a blanket statement: every listed counterpart with every listed department', () => {
    const found = pairsOf(
      '（一）与各民主党派县委（即民革、民进、民盟）和县工商联普遍联系的单位：县发改局、县财政局。',
    );
    expect(found).toHaveLength(8);
    expect(found).toContain('县工商联|县财政局');
    expect(found).toContain('民革|县发改局');
  });

  it('gives 共同联系单位 of 各民主党派 to every counterpart the notice pairs elsewhere', () => {
    const text = `民革区委会：区公安分局
民盟区委会：区教育局
区委办、区府办作为各民主党派区委会、区工商联的共同联系单位。`;
    const found = pairsOf(text);
    expect(found).toEqual(
      expect.arrayContaining([
        '民革区委会|区委办',
        '民盟区委会|区府办',
        '区工商联|区委办',
        '区工商联|区府办',
      ]),
    );
    expect(found).toHaveLength(8);
  });

  it('reads a headed group whose lines take either form', () => {
    const text = `（三）分别联系有关党派和县工商联的部门：
县商务局与致公党县委结对。
民建县委：县市场监管局、县税务局
台盟县委对口联系县台办`;
    expect(pairsOf(text)).toEqual([
      '致公党县委|县商务局',
      '民建县委|县市场监管局',
      '民建县委|县税务局',
      '台盟县委|县台办',
    ]);
  });

  it('knows the short and full names of all eight parties, 工商联, 无党派人士 and 知联会', () => {
    expect(pairsOf('县卫健局对口联系农工、致公、台盟、知联会')).toEqual([
      '农工|县卫健局',
      '致公|县卫健局',
      '台盟|县卫健局',
      '知联会|县卫健局',
    ]);
    expect(pairsOf('中国国民党革命委员会县委员会：县公安局')).toEqual([
      '中国国民党革命委员会县委员会|县公安局',
    ]);
    expect(pairsOf('中国民主建国会县委员会：县发改局')).toEqual(['中国民主建国会县委员会|县发改局']);
    expect(pairsOf('县教育局对接民进、九三')).toEqual(['民进|县教育局', '九三|县教育局']);
    expect(pairsOf('县民政局联系无党派人士')).toEqual(['无党派人士|县民政局']);
    expect(pairsOf('区农民建房办对口联系民盟')).toEqual(['民盟|区农民建房办']);
  });

  it('strips numbering and bullets, and reads mixed punctuation widths alike', () => {
    const text = `1.民革县委:县公安局,县司法局;民盟县委：县教育局
② 民建县委：县财政局
• 县商务局对口联系致公党县委`;
    expect(pairsOf(text)).toEqual([
      '民革县委|县公安局',
      '民革县委|县司法局',
      '民盟县委|县教育局',
      '民建县委|县财政局',
      '致公党县委|县商务局',
    ]);
  });

  it('reads a prose news report, ignoring officials, 政协 and the titles of documents', () => {
    const text = `民革常州市委主委、常州市政协副主席张加林带领市委会机关，赴常州市民政局、市司法局等2个市政府对口联系部门进行走访。
民革常州市委将按照《中共市委办公室、市政府办公室关于进一步加强对口联系工作的意见》要求，与市民政局进一步加强对口联系。`;
    expect(pairsOf(text)).toEqual(['民革常州市委|市民政局', '民革常州市委|市司法局']);
  });

  it('lets a sentence naming only departments lean on the counterpart of its paragraph', () => {
    const text = '5月17日，民建县委会召开对口联系工作座谈会。县发改局、县商务局有关负责同志应邀参加会议。';
    expect(pairsOf(text)).toEqual(['民建县委会|县发改局', '民建县委会|县商务局']);
  });

  it('does not pair 民主党派、工商联和无党派人士 in general with a department', () => {
    expect(
      pairsOf('每年由区府办、区委统战部组织区各民主党派、工商联和无党派人士召开对口联系工作会议。'),
    ).toEqual([]);
  });

  it('reports list lines it cannot read, in place, with a reason', () => {
    const { pairs, issues } = readNoticeText('区教育局、区科技局\n民盟区委会：\n\n注：本表由统战部制');
    expect(pairs).toEqual([]);
    expect(issues).toEqual([
      { line: 1, text: '区教育局、区科技局', reason: 'NO_COUNTERPART' },
      { line: 2, text: '民盟区委会：', reason: 'NO_DEPARTMENTS' },
    ]);
    for (const reason of ['NO_COUNTERPART', 'NO_DEPARTMENTS'] as const) {
      expect(NOTICE_ISSUE_MESSAGES[reason].zh).not.toBe('');
      expect(NOTICE_ISSUE_MESSAGES[reason].en).not.toBe('');
    }
  });

  it('reads a counterpart heading followed by lines of departments', () => {
    expect(pairsOf('民革区委会对口联系部门：\n区公安分局、区司法局\n区交通局')).toEqual([
      '民革区委会|区公安分局',
      '民革区委会|区司法局',
      '民革区委会|区交通局',
    ]);
  });
});

describe('readNoticeText: notices of other localities', () => {
  it('reads traditional characters, pinyin glosses spliced in, and names the pairs in simplified', () => {
    expect(pairsOf('農(nóng)工黨湘潭市委與市衛(wèi)生計生委開展對口協(xié)商')).toEqual([
      '农工党湘潭市委|市卫生计生委',
    ]);
    expect(pairsOf('民革縣委：縣公安局、縣司法局')).toEqual(['民革县委|县公安局', '民革县委|县司法局']);
    // a simplified name holding a character OpenCC would also map stays as written
    expect(pairsOf('民革县委：乾安县教育局')).toEqual(['民革县委|乾安县教育局']);
  });

  it('reads traditional characters in spreadsheet rows', () => {
    const rows = [['民盟區委會', '區教育局、區科技局']];
    expect(readNoticeRows(rows).pairs.map((p) => `${p.counterpart}|${p.department}`)).toEqual([
      '民盟区委会|区教育局',
      '民盟区委会|区科技局',
    ]);
  });

  it('takes no place organ for a department: 市委, 市政府中心; their offices are units', () => {
    expect(
      pairsOf('市委、市政府重新调整了对口联系部门,确定市发改委、市金融办为民建市委会对口联系单位。'),
    ).toEqual(['民建市委会|市发改委', '民建市委会|市金融办']);
    expect(pairsOf('民革湖南省委会与湖南省司法厅围绕中共湖南省委省政府中心工作,深化对口联系。')).toEqual([
      '民革湖南省委会|省司法厅',
    ]);
    expect(pairsOf('区委办、区政府办对口联系民盟区委会')).toEqual([
      '民盟区委会|区委办',
      '民盟区委会|区政府办',
    ]);
  });

  it('cuts the words that lead into a name off it', () => {
    expect(pairsOf('民革常熟总支和对口联系单位市环保局、市台办举行恳谈会')).toEqual([
      '民革常熟总支|市环保局',
      '民革常熟总支|市台办',
    ]);
    expect(pairsOf('民革天津市委会围绕对口联系和联合调研工作走访天津市司法局。')).toEqual([
      '民革天津市委会|天津市司法局',
    ]);
  });

  it('reads each clause of a sentence with its own names', () => {
    expect(pairsOf('如新增省食品药品监管局联系农工党四川省委，新增省扶贫移民局联系民建四川省委。')).toEqual([
      '农工党四川省委|省食品药品监管局',
      '民建四川省委|省扶贫移民局',
    ]);
  });

  it('gives a relation stated without a counterpart to the one counterpart the report names', () => {
    const text = `湖州市委会参加市教育局举行的对口联系单位座谈会
民进湖州市委会主委沈琪芳等参加座谈会。`;
    expect(pairsOf(text)).toEqual(['民进湖州市委会|市教育局']);
    // with two counterparts named, it stays unread
    expect(pairsOf(`${text}\n民盟湖州市委会主委出席。`)).toEqual([]);
  });

  it('keeps one department written with and without its place, short and in full, once', () => {
    const text = `农工党包头市委会与市卫计委召开对口联系座谈会。
农工党包头市委会与包头市卫计委、包头市卫生和计划生育委员会对口联系。`;
    expect(pairsOf(text)).toEqual(['农工党包头市委会|包头市卫计委']);
  });

  it('reads names of autonomous regions from their 自治区', () => {
    expect(pairsOf('九三学社广西区委主委率队前往广西壮族自治区教育厅开展对口联系工作')).toEqual([
      '九三学社广西区委|自治区教育厅',
    ]);
  });
});

describe('tables', () => {
  it('reads pasted table rows, a blank first cell repeating the counterpart above', () => {
    const text =
      '序号\t民主党派\t对口联系部门\n1\t民革区委会\t区公安分局、区司法局\n\t\t区交通局\n2\t民盟区委会\t区教育局';
    expect(pairsOf(text)).toEqual([
      '民革区委会|区公安分局',
      '民革区委会|区司法局',
      '民革区委会|区交通局',
      '民盟区委会|区教育局',
    ]);
  });

  it('reads a ✓ matrix, counterparts across the top', () => {
    const text = '部门\t民革\t民盟\t工商联\n区教育局\t✓\t\t√\n区财政局\t\t✓\t';
    expect(pairsOf(text)).toEqual(['民革|区教育局', '工商联|区教育局', '民盟|区财政局']);
  });

  it('reads a ✓ matrix from spreadsheet rows, departments across the top', () => {
    const rows = [
      ['', '区教育局', '区财政局'],
      ['民革区委会', '√', null],
      ['民盟区委会', '', '✓'],
    ];
    expect(readNoticeRows(rows).pairs.map((p) => `${p.counterpart}|${p.department}|${p.line}`)).toEqual([
      '民革区委会|区教育局|2',
      '民盟区委会|区财政局|3',
    ]);
  });

  it('reads a sheet with one row per counterpart and several names in a cell', () => {
    const rows = [
      ['联系对象', '对口联系部门'],
      ['民建总支部', '区发改局；区财政局'],
      [null, '区住建局'],
      ['区工商联', '区经信局'],
    ];
    expect(readNoticeRows(rows).pairs.map((p) => `${p.counterpart}|${p.department}`)).toEqual([
      '民建总支部|区发改局',
      '民建总支部|区财政局',
      '民建总支部|区住建局',
      '区工商联|区经信局',
    ]);
  });
});
