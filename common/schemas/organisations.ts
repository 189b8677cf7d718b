import { z } from 'zod';
import { ORGANISATION_KINDS, REGION_LEVELS } from '../organisations.js';
import { Id, OptionalText, Text } from './shared.js';

export const RegionDto = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  path: z.string(),
  /** full name from the root, e.g. 浙江省宁波市奉化区 */
  fullName: z.string(),
});
export type RegionDto = z.infer<typeof RegionDto>;

export const RegionListResponse = z.object({ items: z.array(RegionDto) });

export const CreateRegionRequest = z.object({
  parentId: Id,
  name: Text(50),
  level: z.enum(REGION_LEVELS),
});
export type CreateRegionRequest = z.infer<typeof CreateRegionRequest>;

export const UpdateRegionRequest = z.object({ name: Text(50) });
export type UpdateRegionRequest = z.infer<typeof UpdateRegionRequest>;

export const OrganisationDto = z.object({
  id: z.number().int(),
  regionId: z.number().int(),
  regionName: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.object({ id: z.number().int(), alias: z.string(), note: z.string().nullable() })),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type OrganisationDto = z.infer<typeof OrganisationDto>;

export const OrganisationListQuery = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationListResponse = z.object({
  items: z.array(OrganisationDto),
  abilities: z.object({ canWrite: z.boolean() }),
});

export const CreateOrganisationRequest = z.object({
  regionId: Id,
  kind: z.enum(ORGANISATION_KINDS),
  name: Text(60),
  shortName: OptionalText(30),
  sortOrder: z.number().int().min(0).max(100000).default(0),
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
  .partial();
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const AddAliasRequest = z.object({ alias: Text(60), note: OptionalText(200) });
export type AddAliasRequest = z.infer<typeof AddAliasRequest>;
