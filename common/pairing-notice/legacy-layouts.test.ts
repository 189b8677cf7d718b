/**
 * The layouts the previous line-layout parser (pairing-text.ts, now retired) was tested on, read by the notice
 * reader. Where the reader now behaves differently on purpose, the test says so.
 */
import { describe, expect, it } from 'vitest';
import { readNoticeText } from './index.js';

const pairsOf = (text: string) => readNoticeText(text).pairs.map((p) => `${p.counterpart}|${p.department}`);

const SEED_LINES = [
  '民革奉化区委会：区公安分局、区司法局、区交通局、区农业农村局、区卫生健康局、区综合执法局',
  '民建奉化总支部：区发改局、区财政局、区住建局、区自然资源和规划分局',
];
const SEED_PAIRS = [
  ...['区公安分局', '区司法局', '区交通局', '区农业农村局', '区卫生健康局', '区综合执法局'].map(
    (d) => `民革奉化区委会|${d}`,
  ),
  ...['区发改局', '区财政局', '区住建局', '区自然资源和规划分局'].map((d) => `民建奉化总支部|${d}`),
];

describe('layouts of the previous parser', () => {
  it('reads the seed layout with half-width punctuation and CRLF line ends', () => {
    const half = SEED_LINES.join('\n').replaceAll('：', ':').replaceAll('、', ',').replaceAll('\n', '\r\n');
    expect(pairsOf(half)).toEqual(SEED_PAIRS);
  });

  it('reads ；; / and spaces as separators, and strips quotes, brackets and trailing 。', () => {
    const text = [
      '“民革奉化区委会”：区公安分局；区司法局;区交通局/区农业农村局 区卫生健康局　区综合执法局。',
      '（民建奉化总支部）: 区发改局, 区财政局，区住建局、区自然资源和规划分局;',
    ].join('\n');
    expect(pairsOf(text)).toEqual(SEED_PAIRS);
  });

  it('knows full party names and place prefixes, and 区农民建房办 for a department', () => {
    expect(pairsOf('中国民主建国会奉化区总支部：区农民建房办\n宁波市奉化区工商业联合会：区商务局')).toEqual([
      '中国民主建国会奉化区总支部|区农民建房办',
      '区工商业联合会|区商务局',
    ]);
  });

  it('never splits 和, 及 or 与 inside a department name', () => {
    expect(pairsOf('民建奉化总支部：区自然资源和规划分局、区教育及科技局、区住房与城乡建设局')).toEqual([
      '民建奉化总支部|区自然资源和规划分局',
      '民建奉化总支部|区教育及科技局',
      '民建奉化总支部|区住房与城乡建设局',
    ]);
    expect(pairsOf('区自然资源和规划分局和民进对口联系')).toEqual(['民进|区自然资源和规划分局']);
  });

  it('splits departments joined by 与 when both sides are names: 区教育局与区科技局', () => {
    expect(pairsOf('区教育局与区科技局对口联系民盟奉化支部')).toEqual([
      '民盟奉化支部|区教育局',
      '民盟奉化支部|区科技局',
    ]);
  });

  it('drops the closing 等 of a list', () => {
    expect(pairsOf('民革奉化区委会：区公安分局、区司法局等部门\n民盟奉化支部：区教育局等')).toEqual([
      '民革奉化区委会|区公安分局',
      '民革奉化区委会|区司法局',
      '民盟奉化支部|区教育局',
    ]);
  });

  it('keeps names as written, full-width characters and 区委办（区府办） included', () => {
    expect(pairsOf('民革奉化区委会：区委办（区府办）、区ＡＢ中心')).toEqual([
      '民革奉化区委会|区委办（区府办）',
      '民革奉化区委会|区ＡＢ中心',
    ]);
  });

  it('reads department-first sentences with 对口联系, 与…对口联系, 联系 and 和…对口联系', () => {
    const text = [
      '区教育局、区科技局对口联系民盟奉化支部',
      '区财政局、区审计局与民建奉化总支部对口联系',
      '区民政局联系无党派人士。',
      '区水利局和区工商联对口联系',
    ].join('\n');
    expect(pairsOf(text)).toEqual([
      '民盟奉化支部|区教育局',
      '民盟奉化支部|区科技局',
      '民建奉化总支部|区财政局',
      '民建奉化总支部|区审计局',
      '无党派人士|区民政局',
      '区工商联|区水利局',
    ]);
  });

  it('strips every kind of numbering before either layout', () => {
    const text = [
      '1.民革奉化区委会：区公安分局',
      '2、民建奉化总支部：区发改局',
      '3．民盟奉化支部：区教育局',
      '(4)区工商联：区经信局',
      '（5）无党派人士：区民政局',
      '一、区司法局对口联系民革奉化区委会',
      '（二）区财政局与民建奉化总支部对口联系',
      '①区科技局联系民盟奉化支部',
    ].join('\n');
    expect(pairsOf(text)).toEqual([
      '民革奉化区委会|区公安分局',
      '民建奉化总支部|区发改局',
      '民盟奉化支部|区教育局',
      '区工商联|区经信局',
      '无党派人士|区民政局',
      '民革奉化区委会|区司法局',
      '民建奉化总支部|区财政局',
      '民盟奉化支部|区科技局',
    ]);
  });

  it('reads one department with several counterparts joined by 与, 、 and 和', () => {
    expect(pairsOf('市经贸委与民建宁德市委、市工商联\n市财政局与民革宁德市委和民进宁德市委')).toEqual([
      '民建宁德市委|市经贸委',
      '市工商联|市经贸委',
      '民革宁德市委|市财政局',
      '民进宁德市委|市财政局',
    ]);
  });

  it('lends the level of the following party name to a bare short party name', () => {
    const text = [
      '民革、致公党市委：市公安局',
      '农工党、九三学社、台盟宁德市委：市卫健委',
      '民盟、市工商联：市商务局',
    ];
    expect(pairsOf(text.join('\n'))).toEqual([
      '民革市委|市公安局',
      '致公党市委|市公安局',
      '农工党市委|市卫健委',
      '九三学社市委|市卫健委',
      '台盟宁德市委|市卫健委',
      '民盟|市商务局',
      '市工商联|市商务局',
    ]);
  });

  it('joins a list that ends in 、 or ， with the next line, and a heading with the lines after it', () => {
    const text = [
      '民革奉化区委会：区公安分局、区司法局、',
      '区交通局，',
      '区农业农村局',
      '民建奉化总支部：',
      '区发改局、区财政局',
      '区工商联',
      '',
      '区经信局',
    ].join('\n');
    expect(pairsOf(text)).toEqual([
      '民革奉化区委会|区公安分局',
      '民革奉化区委会|区司法局',
      '民革奉化区委会|区交通局',
      '民革奉化区委会|区农业农村局',
      '民建奉化总支部|区发改局',
      '民建奉化总支部|区财政局',
      '区工商联|区经信局',
    ]);
  });

  it('now reports, rather than joins, a line of departments after a list that ended', () => {
    // The previous parser appended any department-only line to the list before it. A line that does not
    // continue a list (no 、 at the end of the one before) is now shown in place for the user to assign.
    const { pairs, issues } = readNoticeText('民革奉化区委会：区公安分局\n区卫生健康局 区综合执法局');
    expect(pairs.map((p) => p.department)).toEqual(['区公安分局']);
    expect(issues).toEqual([{ line: 2, text: '区卫生健康局 区综合执法局', reason: 'NO_COUNTERPART' }]);
  });

  it('reads tab-separated rows with a header, a merged cell and a 序号 column, either side first', () => {
    const text = [
      '联系对象\t对口联系部门',
      '民革奉化区委会\t区公安分局、区司法局',
      '\t区交通局',
      '1\t区工商联\t区经信局',
      '区民政局\t无党派人士',
    ].join('\n');
    expect(pairsOf(text)).toEqual([
      '民革奉化区委会|区公安分局',
      '民革奉化区委会|区司法局',
      '民革奉化区委会|区交通局',
      '区工商联|区经信局',
      '无党派人士|区民政局',
    ]);
  });

  it('gives shared units (共同联系单位) to every counterpart, as shared pairs', () => {
    const { pairs } = readNoticeText(
      '民革奉化区委会：区公安分局\n民盟奉化支部：区教育局\n共同联系单位：区委办、区府办',
    );
    expect(pairs.filter((p) => p.shared).map((p) => `${p.counterpart}|${p.department}`)).toEqual([
      '民革奉化区委会|区委办',
      '民盟奉化支部|区委办',
      '民革奉化区委会|区府办',
      '民盟奉化支部|区府办',
    ]);
  });

  it('reads several statements on one line', () => {
    const text =
      '民革奉化区委会：区公安分局、区司法局；民盟奉化支部：区教育局\n区民政局对口联系无党派人士。区水利局对口联系区工商联。';
    expect(pairsOf(text)).toEqual([
      '民革奉化区委会|区公安分局',
      '民革奉化区委会|区司法局',
      '民盟奉化支部|区教育局',
      '无党派人士|区民政局',
      '区工商联|区水利局',
    ]);
  });

  it('ignores headings, notes, dates and signatures, and keeps a repeated pair once', () => {
    const text = [
      '附件1',
      '区政府部门与民主党派、工商联和无党派人士对口联系名单',
      '（一）民革奉化区委会：区公安分局、区司法局',
      '区交通局与民革奉化区委会对口联系',
      '注：名单如有调整另行通知',
      '中共宁波市奉化区委统战部',
      '2019年5月22日',
      '区公安分局对口联系民革奉化区委会',
    ].join('\n');
    expect(readNoticeText(text)).toMatchObject({ issues: [] });
    expect(pairsOf(text)).toEqual([
      '民革奉化区委会|区公安分局',
      '民革奉化区委会|区司法局',
      '民革奉化区委会|区交通局',
    ]);
  });

  it('does not take 侨联 for a counterpart', () => {
    expect(pairsOf('区侨联：区外办')).toEqual([]);
  });
});
