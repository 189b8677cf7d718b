import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRole, RosterPersonDto } from '../../../common/schemas/roster';
import { UpdateRosterPersonRequest } from '../../../common/schemas/roster';
import { Text } from '../../../common/schemas/shared';
import { blankToNull, zodRule } from '../../components/formRules';
import { ErrorAlert } from '../../components/QueryStatus';
import { rosterApi, useRosterMutation } from './api';

interface Values {
  name: string;
  position: string;
  officePhone?: string;
  mobile?: string;
  servedFrom: Dayjs;
  reason?: string;
}

const fields = UpdateRosterPersonRequest.shape;

/**
 * Record who holds a role from a day on. After the unit has filed, putting another person in the 分管领导 or
 * 联络员 role is a change report to 统战部: who replaces whom, from when, and why.
 */
export function PersonModal({
  open,
  organisationId,
  role,
  current,
  filed,
  onClose,
}: {
  open: boolean;
  organisationId: number;
  role: PersonRole;
  current: RosterPersonDto | null;
  /** the unit has a filed 附件2 */
  filed: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const name = Form.useWatch('name', form);
  const replacing = current !== null && !!name && name.trim() !== current.name;
  const reported = replacing && filed && role !== 'principal';

  const save = useRosterMutation((v: Values) =>
    rosterApi.update(organisationId, role, {
      name: v.name,
      position: v.position,
      officePhone: blankToNull(v.officePhone),
      mobile: blankToNull(v.mobile),
      servedFrom: v.servedFrom.format('YYYY-MM-DD'),
      reason: blankToNull(v.reason),
    }),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    save.reset();
    form.setFieldsValue({
      name: current?.name,
      position: current?.position,
      officePhone: current?.officePhone ?? undefined,
      mobile: current?.mobile ?? undefined,
      servedFrom: dayjs(),
    });
  }, [open, current, form, save.reset]);

  const roleLabel = t(`roster.roles.${role}`);
  return (
    <Modal
      open={open}
      title={current ? t('roster.editTitle', { role: roleLabel }) : t('roster.setTitle', { role: roleLabel })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={reported ? t('roster.reportChange') : t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      {reported ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('roster.changeReportTitle')}
          description={t('roster.changeReportHint', { previous: current?.name ?? '', next: name ?? '' })}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => {
              message.success(reported ? t('roster.changeReported') : t('common.saved'));
              onClose();
            },
          })
        }
      >
        <div className="liaison-form-row">
          <Form.Item name="name" label={t('roster.name')} rules={[zodRule(fields.name, t('roster.name'), t)]}>
            <Input maxLength={50} data-testid="person-name" />
          </Form.Item>
          <Form.Item
            name="position"
            label={t('roster.position')}
            rules={[zodRule(fields.position, t('roster.position'), t)]}
          >
            <Input maxLength={100} data-testid="person-position" />
          </Form.Item>
        </div>
        <div className="liaison-form-row">
          <Form.Item
            name="officePhone"
            label={t('roster.officePhone')}
            rules={[zodRule(fields.officePhone, t('roster.officePhone'), t)]}
          >
            <Input maxLength={30} data-testid="person-office" />
          </Form.Item>
          <Form.Item
            name="mobile"
            label={t('roster.mobile')}
            rules={[zodRule(fields.mobile, t('roster.mobile'), t)]}
          >
            <Input maxLength={30} data-testid="person-mobile" />
          </Form.Item>
        </div>
        <Form.Item
          name="servedFrom"
          label={replacing ? t('roster.effectiveFrom') : t('roster.servedFrom')}
          rules={[{ required: true, message: t('validation.required', { field: t('roster.servedFrom') }) }]}
          extra={current ? t('roster.servedFromHint', { from: current.servedFrom }) : undefined}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {reported ? (
          <Form.Item
            name="reason"
            label={t('roster.changeReason')}
            rules={[zodRule(Text(500), t('roster.changeReason'), t)]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="person-reason" />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('roster.versionHint')}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
