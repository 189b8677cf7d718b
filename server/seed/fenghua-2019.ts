/**
 * The seed document: 奉政发〔2019〕47号, 附件1 — the 2019 pairing list of 宁波市奉化区.
 * Names exactly as printed there.
 */
export const SEED_SOURCE = '奉政发〔2019〕47号';
export const SEED_YEAR = 2019;
export const SEED_REGION = [
  { name: '浙江省', level: 'province' },
  { name: '宁波市', level: 'city' },
  { name: '奉化区', level: 'county' },
] as const;

export const SEED_OVERSIGHT = { name: '区委统战部', shortName: '统战部' };
export const SEED_OFFICE = { name: '区府办', shortName: '区府办' };

export const SEED_PAIRING_LIST: readonly { counterpart: string; aliases: string[]; departments: string[] }[] =
  [
    {
      counterpart: '民革奉化区委会',
      aliases: ['民革'],
      departments: ['区公安分局', '区司法局', '区交通局', '区农业农村局', '区卫生健康局', '区综合执法局'],
    },
    {
      counterpart: '民建奉化总支部',
      aliases: ['民建'],
      departments: ['区发改局', '区财政局', '区住建局', '区自然资源和规划分局'],
    },
    {
      counterpart: '民盟奉化支部',
      aliases: ['民盟'],
      departments: ['区教育局', '区科技局', '区文广旅体局', '区统计局'],
    },
    {
      counterpart: '区工商联',
      aliases: ['工商联'],
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
      aliases: ['区知联会'],
      departments: ['区民政局', '区水利局', '区商务局', '区退役军人事务局', '区医保局'],
    },
  ];
