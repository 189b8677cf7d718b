import { describe, expect, it } from 'vitest';
import {
  PARSE_ISSUE_MESSAGES,
  type PairingParseResult,
  parsePairingRows,
  parsePairingText,
} from './pairing-text.js';

/** 附件1 of the seed notice (奉政发〔2019〕47号), copied verbatim. */
const SEED_SECTION = `附件1
区政府部门与民主党派、工商联和无党派人士对口联系名单

民革奉化区委会：区公安分局、区司法局、区交通局、区农业农村局、区卫生健康局、区综合执法局

民建奉化总支部：区发改局、区财政局、区住建局、区自然资源和规划分局

民盟奉化支部：区教育局、区科技局、区文广旅体局、区统计局

区工商联：区经信局、区人力社保局、区生态环境分局、区税务局、区应急管理局、区审计局、区市场监管局

无党派人士：区民政局、区水利局、区商务局、区退役军人事务局、区医保局
`;

const SEED_PAIRS = [
  {
    counterpart: '民革奉化区委会',
    departments: ['区公安分局', '区司法局', '区交通局', '区农业农村局', '区卫生健康局', '区综合执法局'],
  },
  {
    counterpart: '民建奉化总支部',
    departments: ['区发改局', '区财政局', '区住建局', '区自然资源和规划分局'],
  },
  { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局', '区文广旅体局', '区统计局'] },
  {
    counterpart: '区工商联',
    departments: [
      '区经信局',
      '区人力社保局',
      '区生态环境分局',
      '区税务局',
      '区应急管理局',
      '区审计局',
      '区市场监管局',
    ],
  },
  {
    counterpart: '无党派人士',
    departments: ['区民政局', '区水利局', '区商务局', '区退役军人事务局', '区医保局'],
  },
];

/** A clean result: just these pairs. */
function clean(pairs: PairingParseResult['pairs'], sharedUnits: PairingParseResult['sharedUnits'] = null) {
  return { pairs, sharedUnits, warnings: [], errors: [] };
}

describe('parsePairingText: the seed layout (counterpart：departments)', () => {
  it('reads the seed 附件1 section: 5 counterparts, 26 departments, heading and title ignored', () => {
    const result = parsePairingText(SEED_SECTION);
    expect(result).toEqual(clean(SEED_PAIRS));
    expect(result.pairs.flatMap((p) => p.departments)).toHaveLength(26);
  });

  it('reads the same list with half-width punctuation and CRLF line ends', () => {
    const halfWidth = SEED_SECTION.replaceAll('：', ':').replaceAll('、', ',').replaceAll('\n', '\r\n');
    expect(parsePairingText(halfWidth)).toEqual(clean(SEED_PAIRS));
  });

  it('reads the list with ；; / and spaces as separators, and strips quotes, brackets and trailing 。', () => {
    const text = [
      '“民革奉化区委会”：区公安分局；区司法局;区交通局/区农业农村局 区卫生健康局　区综合执法局。',
      '（民建奉化总支部）: 《区发改局》, 区财政局，区住建局、区自然资源和规划分局;',
    ].join('\n');
    expect(parsePairingText(text)).toEqual(clean(SEED_PAIRS.slice(0, 2)));
  });

  it('knows counterparts by full party names and place prefixes, and 区农民建房办 for a department', () => {
    const text = ['中国民主建国会奉化区总支部：区农民建房办', '宁波市奉化区工商业联合会：区商务局'].join(
      '\n',
    );
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '中国民主建国会奉化区总支部', departments: ['区农民建房办'] },
        { counterpart: '宁波市奉化区工商业联合会', departments: ['区商务局'] },
      ]),
    );
  });

  it('never splits 和 or 及 inside a department name, nor 与 unless both parts are departments', () => {
    const text = [
      '民建奉化总支部：区自然资源和规划分局、区教育及科技局、区住房与城乡建设局',
      '区教育局与区科技局对口联系民盟奉化支部',
    ].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        {
          counterpart: '民建奉化总支部',
          departments: ['区自然资源和规划分局', '区教育及科技局', '区住房与城乡建设局'],
        },
        { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局'] },
      ]),
    );
  });

  it('drops the closing 等 of a list', () => {
    expect(parsePairingText('民革奉化区委会：区公安分局、区司法局等部门\n民盟奉化支部：区教育局等')).toEqual(
      clean([
        { counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局'] },
        { counterpart: '民盟奉化支部', departments: ['区教育局'] },
      ]),
    );
  });

  it('keeps names exactly as written, full-width characters included', () => {
    expect(parsePairingText('民革奉化区委会：区委办（区府办）、区ＡＢ中心')).toEqual(
      clean([{ counterpart: '民革奉化区委会', departments: ['区委办（区府办）', '区ＡＢ中心'] }]),
    );
  });

  it('reads only the pairing list when the whole notice is pasted, reporting the skipped sections', () => {
    const notice = [
      '奉政发〔2019〕47号', // 1
      '宁波市奉化区人民政府', // 2
      '', // 3
      '关于进一步加强区政府部门与民主党派工商联和无党派人士对口联系工作的意见', // 4
      '各镇人民政府、街道办事处，区政府各部门、各直属单位：', // 5
      '附件：1.区政府部门与民主党派、工商联和无党派人士对口联系名单', // 6
      '                  宁波市奉化区人民政府', // 7
      '                             2019年5月22日', // 8
      SEED_SECTION, // 9–21
      '附件2', // 22
      '', // 23
      '对口联系工作分管领导、联络员登记表', // 24
      '单位名称（盖章）：                      2019年  月  日 ', // 25
      '注：此表请于2019年6月5日前报区委统战部党派干部科', // 26
    ].join('\n');
    expect(parsePairingText(notice)).toEqual({
      pairs: SEED_PAIRS,
      sharedUnits: null,
      warnings: [
        {
          line: 4,
          code: 'SKIPPED_SECTION',
          text: '关于进一步加强区政府部门与民主党派工商联和无党派人士对口联系工作的意见',
        },
        { line: 25, code: 'SKIPPED_SECTION', text: '单位名称（盖章）：                      2019年  月  日' },
      ],
      errors: [],
    });
  });
});

describe('parsePairingText: other layouts', () => {
  it('reads department-first sentences with 对口联系, 与…对口联系 and 联系', () => {
    const text = [
      '区教育局、区科技局对口联系民盟奉化支部',
      '区财政局、区审计局与民建奉化总支部对口联系',
      '区民政局联系无党派人士。',
      '区水利局和区工商联对口联系',
    ].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局'] },
        { counterpart: '民建奉化总支部', departments: ['区财政局', '区审计局'] },
        { counterpart: '无党派人士', departments: ['区民政局'] },
        { counterpart: '区工商联', departments: ['区水利局'] },
      ]),
    );
  });

  it('does not cut 和 inside a department name in a 和…对口联系 sentence', () => {
    expect(parsePairingText('区自然资源和规划分局和民进对口联系')).toEqual(
      clean([{ counterpart: '民进', departments: ['区自然资源和规划分局'] }]),
    );
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
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局'] },
        { counterpart: '民建奉化总支部', departments: ['区发改局', '区财政局'] },
        { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局'] },
        { counterpart: '区工商联', departments: ['区经信局'] },
        { counterpart: '无党派人士', departments: ['区民政局'] },
      ]),
    );
  });

  it('reads one department with several counterparts joined by 与', () => {
    const text = ['市经贸委与民建宁德市委、市工商联', '市财政局与民革宁德市委和民进宁德市委'].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '民建宁德市委', departments: ['市经贸委'] },
        { counterpart: '市工商联', departments: ['市经贸委'] },
        { counterpart: '民革宁德市委', departments: ['市财政局'] },
        { counterpart: '民进宁德市委', departments: ['市财政局'] },
      ]),
    );
  });

  it('lends the suffix of the following party name to a bare short party name', () => {
    const text = [
      '民革、致公党市委：市公安局',
      '农工党、九三学社、台盟宁德市委：市卫健委',
      '民盟、市工商联：市商务局',
    ].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '民革市委', departments: ['市公安局'] },
        { counterpart: '致公党市委', departments: ['市公安局'] },
        { counterpart: '农工党宁德市委', departments: ['市卫健委'] },
        { counterpart: '九三学社宁德市委', departments: ['市卫健委'] },
        { counterpart: '台盟宁德市委', departments: ['市卫健委'] },
        { counterpart: '民盟', departments: ['市商务局'] },
        { counterpart: '市工商联', departments: ['市商务局'] },
      ]),
    );
  });

  it('joins lists broken across lines', () => {
    const text = [
      '民革奉化区委会：区公安分局、区司法局、', // ends with 、: continues
      '区交通局，', // ends with ，: continues
      '区农业农村局',
      '区卫生健康局 区综合执法局', // department-like names only: continues
      '民建奉化总支部：', // the departments follow
      '区发改局、区财政局',
      '区教育局、', // department-first sentence broken after 、
      '区科技局对口联系民盟奉化支部',
      '区工商联', // a counterpart alone, its departments on the next line
      '',
      '区经信局',
    ].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        SEED_PAIRS[0] as PairingParseResult['pairs'][number],
        { counterpart: '民建奉化总支部', departments: ['区发改局', '区财政局'] },
        { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局'] },
        { counterpart: '区工商联', departments: ['区经信局'] },
      ]),
    );
  });

  it('reads tab- and space-separated table rows, skipping the header row', () => {
    const text = [
      '联系对象\t对口联系部门',
      '民革奉化区委会\t区公安分局、区司法局',
      '\t区交通局', // merged cell: same counterpart as above
      '民盟奉化支部    区教育局  区科技局',
      '1\t区工商联\t区经信局', // with a 序号 column
      '区民政局\t无党派人士', // department first
    ].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局', '区交通局'] },
        { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局'] },
        { counterpart: '区工商联', departments: ['区经信局'] },
        { counterpart: '无党派人士', departments: ['区民政局'] },
      ]),
    );
  });

  it('reads shared units for every counterpart', () => {
    const text = ['民革奉化区委会：区公安分局', '共同联系单位：区委办、区府办'].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([{ counterpart: '民革奉化区委会', departments: ['区公安分局'] }], {
        counterparts: [],
        departments: ['区委办', '区府办'],
      }),
    );
    const general = [
      '民革奉化区委会：区公安分局',
      '各民主党派、工商联和无党派人士共同联系单位：区统计局',
      '区府办',
    ];
    expect(parsePairingText(general.join('\n')).sharedUnits).toEqual({
      counterparts: [],
      departments: ['区统计局', '区府办'],
    });
  });

  it('reads shared units for named counterparts', () => {
    const text = ['民革奉化区委会：区公安分局', '民革、民盟奉化支部共同联系单位：区统计局'].join('\n');
    expect(parsePairingText(text).sharedUnits).toEqual({
      counterparts: ['民革奉化支部', '民盟奉化支部'],
      departments: ['区统计局'],
    });
  });

  it('reads several statements on one line', () => {
    const text = [
      '民革奉化区委会：区公安分局、区司法局；民盟奉化支部：区教育局',
      '区民政局对口联系无党派人士。区水利局对口联系区工商联。',
    ].join('\n');
    expect(parsePairingText(text)).toEqual(
      clean([
        { counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局'] },
        { counterpart: '民盟奉化支部', departments: ['区教育局'] },
        { counterpart: '无党派人士', departments: ['区民政局'] },
        { counterpart: '区工商联', departments: ['区水利局'] },
      ]),
    );
  });

  it('reads a mix of layouts with notes, dates and signatures, merging repeated counterparts', () => {
    const text = [
      '附件1', // 1
      '区政府部门与民主党派、工商联和无党派人士对口联系名单', // 2
      '（一）民革奉化区委会：区公安分局、区司法局', // 3
      '区交通局与民革奉化区委会对口联系', // 4
      '2.民盟奉化支部\t区教育局', // 5
      '③市经贸委与民建奉化总支部、区工商联', // 6
      '共同联系单位：区委办', // 7
      '注：名单如有调整另行通知', // 8
      '中共宁波市奉化区委统战部', // 9
      '2019年5月22日', // 10
      '区公安分局对口联系民革奉化区委会', // 11: duplicate
    ].join('\n');
    expect(parsePairingText(text)).toEqual({
      pairs: [
        { counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局', '区交通局'] },
        { counterpart: '民盟奉化支部', departments: ['区教育局'] },
        { counterpart: '民建奉化总支部', departments: ['市经贸委'] },
        { counterpart: '区工商联', departments: ['市经贸委'] },
      ],
      sharedUnits: { counterparts: [], departments: ['区委办'] },
      warnings: [{ line: 11, code: 'DUPLICATE_PAIR', text: '区公安分局' }],
      errors: [],
    });
  });

  it('merges a counterpart listed twice and warns about duplicate pairs and shared units', () => {
    const text = [
      '民革奉化区委会：区公安分局、区司法局',
      '民革奉化区委会：区司法局、区交通局',
      '共同联系单位：区委办、区委办',
    ].join('\n');
    expect(parsePairingText(text)).toEqual({
      pairs: [{ counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局', '区交通局'] }],
      sharedUnits: { counterparts: [], departments: ['区委办'] },
      warnings: [
        { line: 2, code: 'DUPLICATE_PAIR', text: '区司法局' },
        { line: 3, code: 'DUPLICATE_SHARED_UNIT', text: '区委办' },
      ],
      errors: [],
    });
  });

  it('warns about a department name that does not end like one', () => {
    expect(parsePairingText('民革奉化区委会：区公安分局、张三')).toEqual({
      pairs: [{ counterpart: '民革奉化区委会', departments: ['区公安分局', '张三'] }],
      sharedUnits: null,
      warnings: [{ line: 1, code: 'UNUSUAL_DEPARTMENT_NAME', text: '张三' }],
      errors: [],
    });
  });
});

describe('parsePairingText: errors name the line', () => {
  it('reports a garbage line with its line number', () => {
    const text = ['民革奉化区委会：区公安分局', '', '这是一段无关的文字', '民盟奉化支部：区教育局'].join(
      '\n',
    );
    const result = parsePairingText(text);
    expect(result.errors).toEqual([{ line: 3, code: 'UNREADABLE_LINE', text: '这是一段无关的文字' }]);
    expect(result.errors[0]?.line).toBe(3);
  });

  it('does not take 侨联 for a counterpart', () => {
    expect(parsePairingText('区侨联：区教育局').errors).toEqual([
      { line: 1, code: 'UNREADABLE_LINE', text: '区侨联：区教育局' },
    ]);
  });

  it('refuses a side mixing counterparts and departments, or counterparts on both sides', () => {
    const text = [
      '民革奉化区委会、区教育局：区公安分局',
      '民革：民盟',
      '民革奉化区委会：区公安分局：区司法局',
    ].join('\n');
    expect(parsePairingText(text).errors).toEqual([
      { line: 1, code: 'AMBIGUOUS_SIDE', text: '民革奉化区委会、区教育局：区公安分局' },
      { line: 2, code: 'AMBIGUOUS_SIDE', text: '民革：民盟' },
      { line: 3, code: 'UNREADABLE_LINE', text: '民革奉化区委会：区公安分局：区司法局' },
    ]);
  });

  it('refuses a counterpart without departments', () => {
    const text = ['民革奉化区委会：', '民盟奉化支部：区教育局'].join('\n');
    expect(parsePairingText(text).errors).toEqual([
      { line: 1, code: 'NO_DEPARTMENTS', text: '民革奉化区委会：' },
    ]);
  });

  it('refuses departments that follow no counterpart', () => {
    const text = ['附件1', '区公安分局、区司法局', '民盟奉化支部：区教育局'].join('\n');
    expect(parsePairingText(text).errors).toEqual([
      { line: 2, code: 'NO_COUNTERPART', text: '区公安分局、区司法局' },
    ]);
  });

  it('refuses shared units given for different counterparts', () => {
    const text = [
      '民革奉化区委会：区公安分局',
      '共同联系单位：区委办',
      '民革奉化区委会共同联系单位：区府办',
    ].join('\n');
    expect(parsePairingText(text).errors).toEqual([
      { line: 3, code: 'CONFLICTING_SHARED_UNITS', text: '民革奉化区委会共同联系单位：区府办' },
    ]);
  });

  it('reports EMPTY_INPUT for a text with only a title, or nothing at all', () => {
    const empty = {
      pairs: [],
      sharedUnits: null,
      warnings: [],
      errors: [{ line: 0, code: 'EMPTY_INPUT', text: '' }],
    };
    expect(parsePairingText('区政府部门与民主党派、工商联和无党派人士对口联系名单\n')).toEqual(empty);
    expect(parsePairingText('  \n\n')).toEqual(empty);
  });

  it('has a message in both languages for every code', () => {
    for (const message of Object.values(PARSE_ISSUE_MESSAGES)) {
      expect(message.zh).not.toBe('');
      expect(message.en).not.toBe('');
    }
  });
});

describe('parsePairingRows', () => {
  it('reads a two-column sheet with a header row, several names per cell and merged cells', () => {
    const rows = [
      ['联系对象', '对口部门'],
      ['民革奉化区委会', '区公安分局、区司法局'],
      [null, '区交通局'], // merged cell
      ['民建奉化总支部', '区发改局'],
      ['民建奉化总支部', '区财政局'], // first cell repeated
      [],
      ['区工商联', '区经信局\n区人力社保局'], // Alt+Enter inside a cell
    ];
    expect(parsePairingRows(rows)).toEqual(
      clean([
        { counterpart: '民革奉化区委会', departments: ['区公安分局', '区司法局', '区交通局'] },
        { counterpart: '民建奉化总支部', departments: ['区发改局', '区财政局'] },
        { counterpart: '区工商联', departments: ['区经信局', '区人力社保局'] },
      ]),
    );
  });

  it('skips a title row and a 序号 column, and spreads departments over several columns', () => {
    const rows = [
      ['区政府部门与民主党派、工商联和无党派人士对口联系名单'],
      ['序号', '民主党派', '政府部门'],
      [1, '民盟奉化支部', '区教育局', '区科技局'],
      [2, '无党派人士', '区民政局'],
      [undefined, undefined, '区水利局'],
    ];
    expect(parsePairingRows(rows)).toEqual(
      clean([
        { counterpart: '民盟奉化支部', departments: ['区教育局', '区科技局'] },
        { counterpart: '无党派人士', departments: ['区民政局', '区水利局'] },
      ]),
    );
  });

  it('reads shared units rows and whole statements written in one cell', () => {
    const rows = [['民革、致公党市委：市公安局'], ['共同联系单位', '市委办、市府办'], ['', '市统计局']];
    expect(parsePairingRows(rows)).toEqual(
      clean(
        [
          { counterpart: '民革市委', departments: ['市公安局'] },
          { counterpart: '致公党市委', departments: ['市公安局'] },
        ],
        { counterparts: [], departments: ['市委办', '市府办', '市统计局'] },
      ),
    );
  });

  it('names the row of an error', () => {
    const rows = [
      ['联系对象', '对口部门'],
      ['民革奉化区委会', '区公安分局'],
      ['区侨联', '区教育局'],
      ['民盟奉化支部', '民进'],
    ];
    expect(parsePairingRows(rows).errors).toEqual([
      { line: 3, code: 'UNREADABLE_LINE', text: '区侨联\t区教育局' },
      { line: 4, code: 'AMBIGUOUS_SIDE', text: '民盟奉化支部\t民进' },
    ]);
  });

  it('reports EMPTY_INPUT for a sheet with only a header', () => {
    expect(parsePairingRows([['联系对象', '对口部门'], []]).errors).toEqual([
      { line: 0, code: 'EMPTY_INPUT', text: '' },
    ]);
  });
});
