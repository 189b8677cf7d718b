import { z } from 'zod';
import { ORGANISATION_KINDS, REGION_LEVELS } from '../organisations.js';
import { Id, OptionalText, Text } from './shared.js';

export const RegionDto = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    path: z.string(),
    /** full name from the root, e.g. 浙江省宁波市奉化区 */
    fullName: z.string(),
  })
  .meta({
    id: 'RegionDto',
    description:
      '一个行政区划：上级、名称、层级和全称 · A region (administrative division): parent, name, level (province, city, county, town), path and full name from the root',
  });
export type RegionDto = z.infer<typeof RegionDto>;

export const RegionListResponse = z.object({ items: z.array(RegionDto) }).meta({
  id: 'RegionListResponse',
  description: '当前用户范围内的行政区划列表 · The regions in the user’s scope',
});

export const CreateRegionRequest = z
  .object({
    parentId: Id,
    name: Text(50),
    level: z.enum(REGION_LEVELS),
  })
  .meta({
    id: 'CreateRegionRequest',
    description:
      '在本级之下新增行政区划：上级、名称和层级 · Adds a region under one’s own: parent, name and level',
  });
export type CreateRegionRequest = z.infer<typeof CreateRegionRequest>;

export const UpdateRegionRequest = z
  .object({ name: Text(50) })
  .meta({ id: 'UpdateRegionRequest', description: '重命名行政区划 · Renames a region' });
export type UpdateRegionRequest = z.infer<typeof UpdateRegionRequest>;

export const OrganisationDto = z
  .object({
    id: z.number().int(),
    regionId: z.number().int(),
    regionName: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    shortName: z.string().nullable(),
    aliases: z.array(z.object({ id: z.number().int(), alias: z.string(), note: z.string().nullable() })),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({
    id: 'OrganisationDto',
    description:
      '一个单位（政府部门、联系对象等）：类别、名称、简称、别名、排序和是否启用 · A unit (a government department, a counterpart such as a democratic party, the federation of industry and commerce or non-party personages, 统战部, 区府办): kind, name, short name, aliases, sort order and whether active',
  });
export type OrganisationDto = z.infer<typeof OrganisationDto>;

export const OrganisationListQuery = z
  .object({
    kind: z.enum(ORGANISATION_KINDS).optional(),
    regionId: Id.optional(),
    q: z.string().trim().max(50).optional(),
    active: z.enum(['true', 'false', 'all']).default('true'),
  })
  .meta({
    id: 'OrganisationListQuery',
    description:
      '单位列表的筛选条件：类别、行政区划、名称关键字和是否启用 · Filters of the unit list: kind, region, a search over name, short name and aliases, and active (true, false or all; default true)',
  });
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationListResponse = z
  .object({
    items: z.array(OrganisationDto),
    abilities: z.object({ canWrite: z.boolean() }),
  })
  .meta({
    id: 'OrganisationListResponse',
    description:
      '单位列表，及能否维护单位 · The units in the user’s scope, and whether the user may add or change units',
  });

export const CreateOrganisationRequest = z
  .object({
    regionId: Id,
    kind: z.enum(ORGANISATION_KINDS),
    name: Text(60),
    shortName: OptionalText(30),
    sortOrder: z.number().int().min(0).max(100000).default(0),
  })
  .meta({
    id: 'CreateOrganisationRequest',
    description:
      '新增单位：行政区划、类别、名称、简称和排序 · Adds a unit: region, kind, name, short name and sort order',
  });
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const UpdateOrganisationRequest = z
  .object({
    name: Text(60),
    shortName: OptionalText(30),
    sortOrder: z.number().int().min(0).max(100000),
    active: z.boolean(),
    /** when renamed (机构改革), keep the old name as an alias so old records and imports still find it */
    keepOldNameAsAlias: z.boolean(),
  })
  .partial()
  .meta({
    id: 'UpdateOrganisationRequest',
    description:
      '修改单位：名称、简称、排序、是否启用，更名（机构改革）时可保留旧名为别名 · Changes to a unit: name, short name, sort order, active; when it is renamed (institutional reform) the old name can be kept as an alias',
  });
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const AddAliasRequest = z.object({ alias: Text(60), note: OptionalText(200) }).meta({
  id: 'AddAliasRequest',
  description:
    '为单位新增别名及说明 · Adds an alias (a former or short name) to a unit, with an optional note',
});
export type AddAliasRequest = z.infer<typeof AddAliasRequest>;
