import { describe, expect, it } from 'vitest';
import {
  closestOrganisation,
  nameSimilarity,
  normaliseName,
  type OrganisationCandidate,
} from './name-match.js';

const ORGANISATIONS: OrganisationCandidate[] = [
  { id: 1, name: '区公安分局', shortName: null, aliases: [] },
  { id: 2, name: '区教育局', shortName: null, aliases: [] },
  { id: 3, name: '区发展和改革局', shortName: '发改局', aliases: [] },
  { id: 4, name: '区人力资源和社会保障局', shortName: null, aliases: [] },
  { id: 5, name: '区文化广电旅游体育局', shortName: null, aliases: [] },
  { id: 6, name: '区卫生健康局', shortName: null, aliases: ['区卫计局'] },
  { id: 7, name: '区审计局', shortName: null, aliases: [] },
  { id: 8, name: '区市场监督管理局', shortName: null, aliases: [] },
  { id: 9, name: '民建奉化区总支部', shortName: null, aliases: [] },
  { id: 10, name: '民盟奉化支部', shortName: null, aliases: [] },
  { id: 11, name: '区工商联', shortName: 'Ｇ Ｓ Ｌ', aliases: [] },
];

/** The match as [id, exact]; the score is checked separately. */
function matched(name: string, candidates = ORGANISATIONS) {
  const match = closestOrganisation(name, candidates);
  return match && { id: match.id, name: match.name, exact: match.exact };
}

describe('closestOrganisation', () => {
  it('matches exactly on name, short name or alias, ignoring width and whitespace', () => {
    expect(closestOrganisation('区教育局', ORGANISATIONS)).toEqual({
      id: 2,
      name: '区教育局',
      score: 1,
      exact: true,
    });
    expect(closestOrganisation(' 发改局 ', ORGANISATIONS)).toEqual({
      id: 3,
      name: '区发展和改革局',
      score: 1,
      exact: true,
    });
    expect(closestOrganisation('区卫计局', ORGANISATIONS)).toEqual({
      id: 6,
      name: '区卫生健康局',
      score: 1,
      exact: true,
    });
    expect(closestOrganisation('gsl', ORGANISATIONS)).toEqual({
      id: 11,
      name: '区工商联',
      score: 1,
      exact: true,
    });
  });

  it('matches Chinese abbreviations to their full names', () => {
    expect(matched('区发改局')).toEqual({ id: 3, name: '区发展和改革局', exact: false });
    expect(matched('区人力社保局')).toEqual({ id: 4, name: '区人力资源和社会保障局', exact: false });
    expect(matched('区文广旅体局')).toEqual({ id: 5, name: '区文化广电旅游体育局', exact: false });
    expect(matched('民建奉化总支部')).toEqual({ id: 9, name: '民建奉化区总支部', exact: false });
    expect(matched('区卫健局')).toEqual({ id: 6, name: '区卫生健康局', exact: false });
    expect(matched('区市场监管局')).toEqual({ id: 8, name: '区市场监督管理局', exact: false });
  });

  it('gives fuzzy matches a score strictly between the threshold and 1', () => {
    const score = closestOrganisation('区卫健局', ORGANISATIONS)?.score ?? 0;
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(1);
  });

  it('does not match unrelated names', () => {
    const withoutEducation = ORGANISATIONS.filter((o) => o.id !== 2);
    expect(matched('区教育局', withoutEducation)).toBeNull();
    expect(matched('区统计局')).toBeNull(); // not 区审计局
    expect(matched('区侨联')).toBeNull(); // not 区工商联
    expect(matched('民革奉化区委会')).toBeNull();
    expect(matched('')).toBeNull();
    expect(matched('区教育局', [])).toBeNull();
  });

  it('never matches counterparts of different parties', () => {
    const parties = ORGANISATIONS.filter((o) => o.id === 10);
    expect(matched('民建奉化总支部', parties)).toBeNull();
    expect(nameSimilarity('民建奉化总支部', '民盟奉化支部')).toBe(0);
  });

  it('knows a party by its full name too', () => {
    const fullName: OrganisationCandidate[] = [
      { id: 5, name: '中国民主建国会奉化区总支部', shortName: null, aliases: [] },
    ];
    expect(matched('民建奉化总支部', fullName)).toEqual({
      id: 5,
      name: '中国民主建国会奉化区总支部',
      exact: false,
    });
  });

  it('prefers the closer of two fuzzy candidates', () => {
    const candidates: OrganisationCandidate[] = [
      { id: 1, name: '区人力资源和社会保障局', shortName: null, aliases: [] },
      { id: 2, name: '区社会保险管理中心', shortName: null, aliases: [] },
    ];
    expect(matched('区人力社保局', candidates)).toEqual({
      id: 1,
      name: '区人力资源和社会保障局',
      exact: false,
    });
  });
});

describe('nameSimilarity and normaliseName', () => {
  it('is 1 only for equal names and symmetric', () => {
    expect(nameSimilarity('区教育局', '区教育局')).toBe(1);
    expect(nameSimilarity('区发改局', '区发展和改革局')).toBe(nameSimilarity('区发展和改革局', '区发改局'));
    expect(nameSimilarity('区教育局', '区公安分局')).toBeLessThan(0.3);
  });

  it('normalises full-width characters and whitespace', () => {
    expect(normaliseName('  区ＡＢ 中心　')).toBe('区ab中心');
  });
});
