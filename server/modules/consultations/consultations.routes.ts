import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { UploadAttachmentRequest } from '../../../common/schemas/attachments.js';
import {
  AnalysisRequest,
  BulkUrgeRequest,
  BulkUrgeResponse,
  CloseItemRequest,
  ConsultationSettings,
  ConsultationSettingsResponse,
  CreateItemRequest,
  CreateMatterRequest,
  DecisionRequest,
  ExtensionRequest,
  FiguresQuery,
  FiguresResponse,
  GrantExtensionRequest,
  HoldSymposiumRequest,
  ItemListQuery,
  ItemListResponse,
  ItemScreenResponse,
  MatterAttachmentDto,
  MatterAttachmentParams,
  MatterDto,
  MatterListQuery,
  MatterListResponse,
  MatterParams,
  MinutesRequest,
  RefuseExtensionRequest,
  ReplyRequest,
  ScheduleSymposiumRequest,
  UpdateMatterRequest,
  UrgeRequest,
  VerdictRequest,
} from '../../../common/schemas/consultations.js';
import { IdParams, OkResponse } from '../../../common/schemas/shared.js';
import { sendDocument } from '../../documents/send-document.js';
import { uploadLimits } from '../attachments/index.js';
import {
  downloadMatterAttachment,
  removeMatterAttachment,
  uploadMatterAttachment,
} from './consultations.attachments.js';
import { grantExtension, refuseExtension, requestExtension } from './consultations.extensions.js';
import { figuresFor } from './consultations.figures.js';
import { createItem, getItemScreen, listItems, saveAnalysis } from './consultations.items.js';
import { createMatter, getMatter, listMatters, updateMatter } from './consultations.matters.js';
import { closeItem, rateReply, replyToItem } from './consultations.replies.js';
import { getSettings, updateSettings } from './consultations.settings.js';
import {
  holdSymposium,
  recordDecision,
  recordMinutes,
  scheduleSymposium,
} from './consultations.symposium.js';
import { urgeItem, urgeItems } from './consultations.urge.js';

export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['consultations'];
  const read = { permission: 'consultations:read' as const };
  const write = { permission: 'consultations:write' as const };
  const manage = { permission: 'consultations:manage' as const };
  const rate = { permission: 'consultations:rate' as const };
  const supervise = { permission: 'consultations:supervise' as const };
  const matter = '/consultations/matters/:id';
  const item = '/consultations/items/:id';
  const screen = { 200: ItemScreenResponse };

  // ---- matters
  r.get(
    '/consultations/matters',
    {
      config: read,
      schema: {
        summary: '重大事项 · List the major matters for democratic consultation',
        tags,
        querystring: MatterListQuery,
        response: { 200: MatterListResponse },
      },
    },
    async (request) => listMatters(request.ctx(), request.query),
  );
  r.post(
    '/consultations/matters',
    {
      config: manage,
      schema: {
        summary: '新增重大事项 · Register a major matter to consult on before deciding',
        tags,
        body: CreateMatterRequest,
        response: { 200: MatterDto },
      },
    },
    async (request) => createMatter(request.ctx(), request.body),
  );
  r.get(
    matter,
    {
      config: read,
      schema: {
        summary: '重大事项详情 · One matter with its symposium, suggestions and timeline',
        tags,
        params: MatterParams,
        response: { 200: MatterDto },
      },
    },
    async (request) => getMatter(request.ctx(), request.params.id),
  );
  r.patch(
    matter,
    {
      config: manage,
      schema: {
        summary:
          "修改重大事项 · Change a matter's kind, title, summary, planned decision date or counterparts",
        tags,
        params: MatterParams,
        body: UpdateMatterRequest,
        response: { 200: MatterDto },
      },
    },
    async (request) => updateMatter(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${matter}/symposium`,
    {
      config: manage,
      schema: {
        summary: '安排协商座谈会 · Schedule the consultation symposium and invite counterparts',
        tags,
        params: MatterParams,
        body: ScheduleSymposiumRequest,
        response: { 200: MatterDto },
      },
    },
    async (request) => scheduleSymposium(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${matter}/symposium/held`,
    {
      config: manage,
      schema: {
        summary: '座谈会已召开 · Record that the symposium was held, with attendance',
        tags,
        params: MatterParams,
        body: HoldSymposiumRequest,
        response: { 200: MatterDto },
      },
    },
    async (request) => holdSymposium(request.ctx(), request.params.id, request.body),
  );
  r.put(
    `${matter}/minutes`,
    {
      config: manage,
      schema: {
        summary: '协商纪要 · Save the minutes of the consultation',
        tags,
        params: MatterParams,
        body: MinutesRequest,
        response: { 200: MatterDto },
      },
    },
    async (request) => recordMinutes(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${matter}/decision`,
    {
      config: manage,
      schema: {
        summary: '登记决策 · Record the decision (consultation before decision is checked)',
        tags,
        params: MatterParams,
        body: DecisionRequest,
        response: { 200: MatterDto },
      },
    },
    async (request) => recordDecision(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${matter}/attachments`,
    {
      config: manage,
      ...uploadLimits,
      schema: {
        summary: '上传事项附件 · Attach a file to a matter (size, type and zip limits checked)',
        tags,
        params: IdParams,
        body: UploadAttachmentRequest,
        response: { 200: MatterAttachmentDto },
      },
    },
    async (request) => uploadMatterAttachment(request.ctx(), request.params.id, request.body),
  );
  r.get(
    `${matter}/attachments/:attachmentId`,
    {
      config: read,
      schema: {
        summary: "下载事项附件 · Download a matter's attachment",
        tags,
        params: MatterAttachmentParams,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await downloadMatterAttachment(request.ctx(), request.params.id, request.params.attachmentId),
      ),
  );
  r.delete(
    `${matter}/attachments/:attachmentId`,
    {
      config: manage,
      schema: {
        summary: "删除事项附件 · Remove a matter's attachment (the uploader's unit or 统战部)",
        tags,
        params: MatterAttachmentParams,
        response: { 200: OkResponse },
      },
    },
    async (request) => {
      await removeMatterAttachment(request.ctx(), request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );
  r.post(
    `${matter}/items`,
    {
      config: write,
      schema: {
        summary: '提出意见建议 · Submit suggestions on a matter',
        tags,
        params: MatterParams,
        body: CreateItemRequest,
        response: screen,
      },
    },
    async (request) => createItem(request.ctx(), request.params.id, request.body),
  );

  // ---- items (opinions and suggestions) and their reply cycle
  r.get(
    '/consultations/items',
    {
      config: read,
      schema: {
        summary: '意见建议 · List the suggestions with their reply state and due dates',
        tags,
        querystring: ItemListQuery,
        response: { 200: ItemListResponse },
      },
    },
    async (request) => listItems(request.ctx(), request.query),
  );
  r.get(
    item,
    {
      config: read,
      schema: {
        summary: '意见建议详情 · One suggestion with its replies, verdicts and timeline',
        tags,
        params: IdParams,
        response: screen,
      },
    },
    async (request) => getItemScreen(request.ctx(), request.params.id),
  );
  r.put(
    `${item}/analysis`,
    {
      config: manage,
      schema: {
        summary: "内部研究意见 · Save the department's internal analysis (never shown to counterparts)",
        tags,
        params: IdParams,
        body: AnalysisRequest,
        response: screen,
      },
    },
    async (request) => saveAnalysis(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/reply`,
    {
      config: manage,
      schema: {
        summary:
          '答复意见建议 · Reply to a suggestion, by class (adopted, partly, not adopted with a reason)',
        tags,
        params: IdParams,
        body: ReplyRequest,
        response: screen,
      },
    },
    async (request) => replyToItem(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/extension`,
    {
      config: manage,
      schema: {
        summary: '申请延期 · Ask for more working days to reply, with a reason',
        tags,
        params: IdParams,
        body: ExtensionRequest,
        response: screen,
      },
    },
    async (request) => requestExtension(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/extension/grant`,
    {
      config: supervise,
      schema: {
        summary: '批准延期 · Grant an extension of the reply deadline',
        tags,
        params: IdParams,
        body: GrantExtensionRequest,
        response: screen,
      },
    },
    async (request) => grantExtension(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/extension/refuse`,
    {
      config: supervise,
      schema: {
        summary: '不予延期 · Refuse an extension, with a reason',
        tags,
        params: IdParams,
        body: RefuseExtensionRequest,
        response: screen,
      },
    },
    async (request) => refuseExtension(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/verdict`,
    {
      config: rate,
      schema: {
        summary: "评价答复 · The counterpart's verdict on a reply (satisfied or not)",
        tags,
        params: IdParams,
        body: VerdictRequest,
        response: screen,
      },
    },
    async (request) => rateReply(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/close`,
    {
      config: supervise,
      schema: {
        summary: '办结 · Close a suggestion by hand, with a note',
        tags,
        params: IdParams,
        body: CloseItemRequest,
        response: screen,
      },
    },
    async (request) => closeItem(request.ctx(), request.params.id, request.body),
  );
  r.post(
    `${item}/urge`,
    {
      config: supervise,
      schema: {
        summary: '督办 · Press the department on an overdue reply, with a note (escalates on each repeat)',
        tags,
        params: IdParams,
        body: UrgeRequest,
        response: screen,
      },
    },
    async (request) => urgeItem(request.ctx(), request.params.id, request.body),
  );
  r.post(
    '/consultations/items/urge',
    {
      config: supervise,
      schema: {
        summary: '批量督办 · Press several overdue replies at once, all or none',
        tags,
        body: BulkUrgeRequest,
        response: { 200: BulkUrgeResponse },
      },
    },
    async (request) => urgeItems(request.ctx(), request.body),
  );

  // ---- figures and settings
  r.get(
    '/consultations/figures',
    {
      config: read,
      schema: {
        summary: "协商统计 · The year's consultation figures: matters, suggestions, replies on time",
        tags,
        querystring: FiguresQuery,
        response: { 200: FiguresResponse },
      },
    },
    async (request) => figuresFor(request.ctx(), request.query),
  );
  r.get(
    '/consultations/settings',
    {
      config: read,
      schema: {
        summary: '协商设置 · The working days to reply and the reminder lead',
        tags,
        response: { 200: ConsultationSettingsResponse },
      },
    },
    async (request) => getSettings(request.ctx()),
  );
  r.put(
    '/consultations/settings',
    {
      config: supervise,
      schema: {
        summary: '修改协商设置 · Change the working days to reply and the reminder lead',
        tags,
        body: ConsultationSettings,
        response: { 200: ConsultationSettingsResponse },
      },
    },
    async (request) => updateSettings(request.ctx(), request.body),
  );
}
