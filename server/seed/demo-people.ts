// The demo district's people: deterministic names, positions and phones for every unit's roster (责任人),
// from a small seeded generator, so every run of `liaison seed-demo` writes the same district.

/** mulberry32: a tiny seeded pseudo-random generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  next(): number;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function random(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p) => next() < p,
  };
}

// Surnames common in 奉化 (应、邬、竺、裘、毛 among them) and characters of given names.
const SURNAMES = [
  '王',
  '陈',
  '张',
  '李',
  '周',
  '应',
  '邬',
  '胡',
  '竺',
  '毛',
  '林',
  '徐',
  '朱',
  '俞',
  '孙',
  '蒋',
  '汪',
  '沈',
  '江',
  '舒',
  '董',
  '卓',
  '邵',
  '楼',
  '袁',
  '葛',
  '裘',
  '方',
  '任',
  '何',
  '吴',
  '杨',
] as const;
const GIVEN = [
  '建',
  '国',
  '海',
  '波',
  '伟',
  '军',
  '明',
  '华',
  '立',
  '新',
  '宏',
  '斌',
  '杰',
  '峰',
  '涛',
  '晓',
  '丽',
  '红',
  '燕',
  '敏',
  '静',
  '婷',
  '霞',
  '芳',
  '娟',
  '琳',
  '雪',
  '洁',
  '辉',
  '强',
  '勇',
  '平',
  '亮',
  '晨',
  '宇',
  '浩',
  '磊',
  '鹏',
  '刚',
  '俊',
  '慧',
  '颖',
  '倩',
  '洋',
  '超',
  '彬',
  '琦',
  '忠',
  '利',
  '锋',
  '佳',
  '玲',
  '艳',
  '松',
  '文',
  '军',
  '春',
  '秋',
  '益',
  '达',
  '振',
  '荣',
  '康',
  '民',
] as const;
/** Names the browser tests type in themselves: the demo never uses them. */
const RESERVED = new Set(['李明', '王芳', '张建国', '王五', '张三', '李四']);

/** A generator of distinct plausible names (mostly three characters). */
export function nameMaker(rng: Random): () => string {
  const used = new Set<string>(RESERVED);
  return () => {
    for (;;) {
      const given = rng.chance(0.15) ? rng.pick(GIVEN) : `${rng.pick(GIVEN)}${rng.pick(GIVEN)}`;
      const name = `${rng.pick(SURNAMES)}${given}`;
      if (!used.has(name) && given[0] !== given[1]) {
        used.add(name);
        return name;
      }
    }
  };
}

/** An office line of the district: 0574-88xxxxxx. */
export const officePhone = (rng: Random): string => `0574-88${String(rng.int(100000, 999999))}`;
/** A mobile number: 13xxxxxxxxx. */
export const mobilePhone = (rng: Random): string =>
  `13${rng.int(0, 9)}${String(rng.int(10000000, 99999999))}`;

export interface PersonSpec {
  name: string;
  position: string;
  officePhone: string;
  mobile: string | null;
  /** the first day in this role, YYYY-MM-DD (before the demo year) */
  servedFrom: string;
}

export interface UnitPeople {
  principal: PersonSpec;
  leader: PersonSpec;
  liaison: PersonSpec;
}

/** 主要负责人, 分管领导, 联络员 titles of a unit by its name and kind. */
function titlesOf(name: string, kind: 'department' | 'counterpart', rng: Random): [string, string, string] {
  if (kind === 'department') {
    const liaison = rng.pick(['办公室主任', '办公室副主任', '综合科科长', '办公室主任', '人事秘书科科长']);
    return [
      rng.chance(0.5) ? '党组书记、局长' : '局长',
      rng.chance(0.5) ? '党组成员、副局长' : '副局长',
      liaison,
    ];
  }
  if (name === '区工商联') return ['党组书记、主席', '副主席', '秘书长'];
  if (name === '无党派人士') return ['区知联会会长', '区知联会副会长', '区知联会秘书长'];
  if (name === '民盟奉化支部') return ['主委', '副主委', '秘书'];
  return ['主委', '副主委', '秘书长'];
}

/** The three responsible persons of a unit, with the years they took office. */
export function peopleOf(
  unit: { name: string; kind: 'department' | 'counterpart' },
  rng: Random,
  makeName: () => string,
  year: number,
): UnitPeople {
  const [p, l, c] = titlesOf(unit.name, unit.kind, rng);
  const since = (back: number) =>
    `${year - rng.int(1, back)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return {
    principal: {
      name: makeName(),
      position: p,
      officePhone: officePhone(rng),
      mobile: null,
      servedFrom: since(5),
    },
    leader: {
      name: makeName(),
      position: l,
      officePhone: officePhone(rng),
      mobile: mobilePhone(rng),
      servedFrom: since(4),
    },
    liaison: {
      name: makeName(),
      position: c,
      officePhone: officePhone(rng),
      mobile: mobilePhone(rng),
      servedFrom: since(3),
    },
  };
}

/** How a person is named in attendance lists: 姓名（职务）. */
export const named = (p: { name: string; position: string }): string => `${p.name}（${p.position}）`;
