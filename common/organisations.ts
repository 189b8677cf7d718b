/** Kinds of organisation (单位) as the seed names them. */
export const ORGANISATION_KINDS = ['department', 'counterpart', 'oversight', 'office', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, { zh: string; en: string }> = {
  department: { zh: '政府部门', en: 'Government department' },
  counterpart: { zh: '联系对象', en: 'Counterpart' },
  oversight: { zh: '统战部', en: 'United Front Work Dept.' },
  office: { zh: '区府办', en: 'Government office' },
  other: { zh: '其他单位', en: 'Other unit' },
};

export const REGION_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, { zh: string; en: string }> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '区县', en: 'District/County' },
  town: { zh: '乡镇/街道', en: 'Town/Sub-district' },
};
