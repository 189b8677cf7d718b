import { Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AnalysisRequest,
  CloseItemRequest,
  ExtensionRequest,
  GrantExtensionRequest,
  type ItemScreenResponse,
  RefuseExtensionRequest,
  type ReplyClass,
  ReplyRequest,
  UrgeRequest,
  type Verdict,
  VerdictRequest,
} from '../../../common/schemas/consultations';
import { FormModal } from '../../components/FormModal';
import { blankToNull, schemaRules } from '../../components/formRules';
import { consultationApi, useItemMutation } from './api';
import { useConsultationLabels } from './labels';

export type ItemAction =
  | 'analysis'
  | 'reply'
  | 'extension'
  | 'grant'
  | 'refuse'
  | 'verdict'
  | 'close'
  | 'urge';

/** The forms of the reply cycle on one item; `action` says which is open. */
export function ItemActionModals({
  item,
  action,
  onClose,
}: {
  item: ItemScreenResponse['item'];
  action: ItemAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useConsultationLabels();
  const a = item.abilities;
  const close = onClose;
  const run = useItemMutation((call: () => Promise<ItemScreenResponse>) => call());
  const [replyClass, setReplyClass] = useState<ReplyClass>('adopted');
  const [verdict, setVerdict] = useState<Verdict>('satisfied');
  const analysisRules = schemaRules(AnalysisRequest, t);
  const replyRules = schemaRules(ReplyRequest, t);
  const extensionRules = schemaRules(ExtensionRequest, t);
  const grantRules = schemaRules(GrantExtensionRequest, t);
  const refuseRules = schemaRules(RefuseExtensionRequest, t);
  const verdictRules = schemaRules(VerdictRequest, t);
  const closeRules = schemaRules(CloseItemRequest, t);
  const urgeRules = schemaRules(UrgeRequest, t);

  return (
    <>
      <FormModal<{ analysis: string }>
        open={action === 'analysis'}
        title={t('consultations.analysis')}
        hint={t('consultations.analysisHint')}
        initialValues={{ analysis: item.analysis ?? undefined }}
        onSubmit={(v) =>
          run.mutateAsync(() => consultationApi.analyse(item.id, { analysis: v.analysis.trim() }))
        }
        onClose={close}
        testId="analysis-form"
      >
        <Form.Item
          name="analysis"
          label={t('consultations.analysis')}
          rules={analysisRules.rules('analysis', t('consultations.analysis'))}
        >
          <Input.TextArea rows={6} maxLength={analysisRules.max('analysis')} data-testid="analysis-text" />
        </Form.Item>
      </FormModal>
      <FormModal<{ replyClass: ReplyClass; text: string; reason?: string; analysis?: string }>
        open={action === 'reply'}
        title={item.status === 'rehandling' ? t('consultations.replyAgain') : t('consultations.reply')}
        initialValues={{ replyClass: 'adopted' }}
        onSubmit={(v) =>
          run.mutateAsync(() =>
            consultationApi.reply(item.id, {
              replyClass: v.replyClass,
              text: v.text.trim(),
              reason: blankToNull(v.reason),
              analysis: blankToNull(v.analysis),
            }),
          )
        }
        onClose={() => {
          close();
          setReplyClass('adopted');
        }}
        testId="reply-form"
      >
        <Form.Item
          name="replyClass"
          label={t('consultations.replyClass')}
          rules={replyRules.rules('replyClass', t('consultations.replyClass'))}
        >
          <Radio.Group
            optionType="button"
            options={labels.replyClassOptions}
            onChange={(e) => setReplyClass(e.target.value as ReplyClass)}
            data-testid="reply-class"
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('consultations.replyText')}
          rules={replyRules.rules('text', t('consultations.replyText'))}
        >
          <Input.TextArea rows={5} maxLength={replyRules.max('text')} data-testid="reply-text" />
        </Form.Item>
        {replyClass === 'not_adopted' ? (
          <Form.Item
            name="reason"
            label={t('consultations.reason')}
            extra={t('consultations.reasonRequired')}
            rules={replyRules.rules('reason', t('consultations.reason'), { required: true })}
          >
            <Input.TextArea rows={3} maxLength={replyRules.max('reason')} data-testid="reply-reason" />
          </Form.Item>
        ) : null}
        {a.canAnalyse ? (
          <Form.Item
            name="analysis"
            label={t('consultations.analysis')}
            extra={t('consultations.analysisHint')}
            rules={replyRules.rules('analysis', t('consultations.analysis'))}
          >
            <Input.TextArea rows={3} maxLength={replyRules.max('analysis')} />
          </Form.Item>
        ) : null}
      </FormModal>
      <FormModal<{ reason: string; days: number }>
        open={action === 'extension'}
        title={t('consultations.requestExtension')}
        initialValues={{ days: 5 }}
        onSubmit={(v) =>
          run.mutateAsync(() => consultationApi.extension(item.id, { reason: v.reason.trim(), days: v.days }))
        }
        onClose={close}
        testId="extension-form"
      >
        <Form.Item
          name="days"
          label={t('consultations.extensionDays')}
          rules={extensionRules.rules('days', t('consultations.extensionDays'))}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('consultations.reason')}
          rules={extensionRules.rules('reason', t('consultations.reason'))}
        >
          <Input.TextArea rows={3} maxLength={extensionRules.max('reason')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ days?: number; note?: string }>
        open={action === 'grant'}
        title={t('consultations.grant')}
        initialValues={{ days: item.pendingExtension?.daysRequested }}
        onSubmit={(v) =>
          run.mutateAsync(() =>
            consultationApi.grant(item.id, { days: v.days ?? undefined, note: blankToNull(v.note) }),
          )
        }
        onClose={close}
        testId="grant-form"
      >
        <Form.Item
          name="days"
          label={t('consultations.extensionDays')}
          rules={grantRules.rules('days', t('consultations.extensionDays'))}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('consultations.note')}
          rules={grantRules.rules('note', t('consultations.note'))}
        >
          <Input.TextArea rows={3} maxLength={grantRules.max('note')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        open={action === 'refuse'}
        title={t('consultations.refuse')}
        danger
        onSubmit={(v) => run.mutateAsync(() => consultationApi.refuse(item.id, { note: v.note.trim() }))}
        onClose={close}
        testId="refuse-form"
      >
        <Form.Item
          name="note"
          label={t('consultations.reason')}
          rules={refuseRules.rules('note', t('consultations.reason'))}
        >
          <Input.TextArea rows={3} maxLength={refuseRules.max('note')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ verdict: Verdict; comment?: string }>
        open={action === 'verdict'}
        title={t('consultations.rate')}
        hint={t('consultations.rateHint')}
        initialValues={{ verdict: 'satisfied' }}
        onSubmit={(v) =>
          run.mutateAsync(() =>
            consultationApi.verdict(item.id, { verdict: v.verdict, comment: blankToNull(v.comment) }),
          )
        }
        onClose={() => {
          close();
          setVerdict('satisfied');
        }}
        testId="verdict-form"
      >
        <Form.Item
          name="verdict"
          label={t('consultations.verdict')}
          rules={verdictRules.rules('verdict', t('consultations.verdict'))}
        >
          <Radio.Group
            optionType="button"
            options={labels.verdictOptions}
            onChange={(e) => setVerdict(e.target.value as Verdict)}
            data-testid="verdict-choice"
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('consultations.verdictComment')}
          extra={verdict === 'not_satisfied' ? t('consultations.commentRequired') : undefined}
          rules={verdictRules.rules('comment', t('consultations.verdictComment'), {
            required: verdict === 'not_satisfied',
          })}
        >
          <Input.TextArea rows={4} maxLength={verdictRules.max('comment')} data-testid="verdict-comment" />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        open={action === 'close'}
        title={t('consultations.closeItem')}
        onSubmit={(v) => run.mutateAsync(() => consultationApi.close(item.id, { note: v.note.trim() }))}
        onClose={close}
        testId="close-form"
      >
        <Form.Item
          name="note"
          label={t('consultations.note')}
          rules={closeRules.rules('note', t('consultations.note'))}
        >
          <Input.TextArea rows={3} maxLength={closeRules.max('note')} />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        open={action === 'urge'}
        title={t('consultations.urge')}
        hint={t('consultations.urgeHint', { due: item.dueDate })}
        onSubmit={(v) => run.mutateAsync(() => consultationApi.urge(item.id, { note: v.note.trim() }))}
        onClose={close}
        testId="urge-form"
      >
        <Form.Item
          name="note"
          label={t('consultations.urgeNote')}
          rules={urgeRules.rules('note', t('consultations.urgeNote'))}
        >
          <Input.TextArea rows={3} maxLength={urgeRules.max('note')} data-testid="urge-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
