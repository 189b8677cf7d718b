import { FileWordOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingDto, FilingRoundDto, SaveFilingRequest } from '../../../common/schemas/filings';
import { FormPersonInput } from '../../../common/schemas/filings';
import { errorText, withQuery } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { blankToNull, zodRule } from '../../components/formRules';
import { filingApi, useFiling, useFilingMutation } from './api';
import { FilingEvents } from './FilingEvents';
import { FilingStatusTag } from './labels';

type PersonKey = 'leader' | 'liaison';
type FieldKey = 'name' | 'position' | 'phone';
type Values = Record<`${PersonKey}_${FieldKey}`, string | undefined>;

const PERSONS: PersonKey[] = ['leader', 'liaison'];
const FIELDS: FieldKey[] = ['name', 'position', 'phone'];
const fieldSchemas = FormPersonInput.shape;

function toRequest(values: Values): SaveFilingRequest {
  const person = (p: PersonKey) => ({
    name: blankToNull(values[`${p}_name`]),
    position: blankToNull(values[`${p}_position`]),
    phone: blankToNull(values[`${p}_phone`]),
  });
  return { leader: person('leader'), liaison: person('liaison') };
}

function fromFiling(filing: FilingDto): Values {
  return {
    leader_name: filing.leader.name ?? undefined,
    leader_position: filing.leader.position ?? undefined,
    leader_phone: filing.leader.phone ?? undefined,
    liaison_name: filing.liaison.name ?? undefined,
    liaison_position: filing.liaison.position ?? undefined,
    liaison_phone: filing.liaison.phone ?? undefined,
  };
}

/** The round's line under the printed form: 注：此表请于…前报…；联系人…；联系电话…；传真… */
export function RoundNote({ round }: { round: FilingRoundDto }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
      {t('filings.note', {
        deadline: round.deadline,
        recipient: round.recipient,
        person: round.contactPerson,
        phone: round.contactPhone,
        fax: round.fax,
      })}
    </Typography.Paragraph>
  );
}

/**
 * 附件2 as a unit's 联络员 fills it in: 分管领导 and 联络员 with 姓名, 职务, 联系电话 — prefilled from the roster,
 * saved as a draft, submitted; a returned form shows the reason and can be corrected and resubmitted.
 */
export function FilingForm({ round, organisationId }: { round: FilingRoundDto; organisationId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const query = useFiling(round.id, organisationId);
  const filing = query.data;
  const editable = filing?.abilities.canEdit ?? false;

  const save = useFilingMutation((values: Values) =>
    filingApi.save(round.id, organisationId, toRequest(values)),
  );
  const submit = useFilingMutation((values: Values) =>
    filingApi.submit(round.id, organisationId, toRequest(values)),
  );

  // The form follows the server's answer (after load, save, submit).
  useEffect(() => {
    if (filing) form.setFieldsValue(fromFiling(filing));
  }, [filing, form]);

  /**
   * The form's values, or null while a field is in error: antd shows each error by its field, and its rejection
   * must not escape as an uncaught error.
   */
  const validValues = async (): Promise<Values | null> => {
    try {
      return await form.validateFields();
    } catch {
      return null;
    }
  };

  const onSave = async () => {
    const values = await validValues();
    if (!values) return;
    save.mutate(values, { onSuccess: () => message.success(t('filings.draftSaved')) });
  };

  const onSubmit = async () => {
    const values = await validValues();
    if (!values) return;
    // Everything must be filled in to submit; a draft may leave gaps.
    const empty = PERSONS.flatMap((p) => FIELDS.map((f) => `${p}_${f}` as const)).filter(
      (k) => !values[k]?.trim(),
    );
    if (empty.length) {
      form.setFields(empty.map((name) => ({ name, errors: [t('filings.fillBeforeSubmit')] })));
      return;
    }
    submit.mutate(values, { onSuccess: () => message.success(t('filings.submitted')) });
  };

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (!filing) return null;

  const error = save.error ?? submit.error;
  const docxPath = '/api/v1/documents/registration-form.docx';
  const docx = withQuery(docxPath, { organisationId, year: round.year });
  const blankDocx = withQuery(docxPath, { organisationId, year: round.year, blank: 1 });

  return (
    <div data-testid="filing-form">
      <Space wrap style={{ marginBottom: 12 }}>
        <FilingStatusTag status={filing.status} />
        {filing.submittedLate ? (
          <Typography.Text type="warning">{t('filings.submittedLate')}</Typography.Text>
        ) : null}
        {filing.submittedAt ? (
          <Typography.Text type="secondary">
            {t('filings.submittedAt', { at: formatDateTime(filing.submittedAt) })}
          </Typography.Text>
        ) : null}
        {filing.filedAt ? (
          <Typography.Text type="secondary">
            {t('filings.filedAt', { at: formatDateTime(filing.filedAt) })}
          </Typography.Text>
        ) : null}
      </Space>
      {filing.formStatus === 'returned' && filing.returnReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('filings.returnedTitle')}
          description={<span data-testid="return-reason">{filing.returnReason}</span>}
        />
      ) : null}
      {filing.formStatus === 'submitted' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('filings.awaitingReview')} />
      ) : null}
      {filing.formStatus === 'filed' ? (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('filings.filedHint')} />
      ) : null}
      {filing.prefilled && editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('filings.prefilled')} />
      ) : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}

      <Typography.Title level={5} style={{ textAlign: 'center' }}>
        {t('filings.formTitle')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('filings.unitName')}
        {filing.organisation.name}
      </Typography.Paragraph>
      <Form form={form} disabled={!editable} className="filing-grid">
        <div className="filing-grid-head" aria-hidden>
          <span />
          <span>{t('filings.name')}</span>
          <span>{t('filings.position')}</span>
          <span>{t('filings.phone')}</span>
        </div>
        {PERSONS.map((p) => (
          <div className="filing-grid-row" key={p}>
            <div className="filing-grid-role">{t(`filings.roles.${p}`)}</div>
            {FIELDS.map((f) => {
              const label = `${t(`filings.roles.${p}`)}${t(`filings.${f}`)}`;
              return (
                <Form.Item
                  key={f}
                  name={`${p}_${f}`}
                  rules={[zodRule(fieldSchemas[f], label, t)]}
                  className="filing-grid-cell"
                >
                  <Input
                    aria-label={label}
                    placeholder={t(`filings.${f}`)}
                    maxLength={f === 'phone' ? 30 : f === 'name' ? 50 : 100}
                    data-testid={`${p}-${f}`}
                  />
                </Form.Item>
              );
            })}
          </div>
        ))}
      </Form>
      <RoundNote round={round} />

      <Space wrap style={{ marginTop: 8 }}>
        {editable ? (
          <>
            <Button
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={() => void onSave()}
              data-testid="filing-save"
            >
              {t('filings.saveDraft')}
            </Button>
            <Popconfirm title={t('filings.submitConfirm')} onConfirm={() => void onSubmit()}>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                data-testid="filing-submit"
              >
                {filing.formStatus === 'returned' ? t('filings.resubmit') : t('filings.submit')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
        <Button icon={<FileWordOutlined />} href={docx} download data-testid="filing-docx">
          {t('filings.downloadFilled')}
        </Button>
        <Button icon={<FileWordOutlined />} href={blankDocx} download>
          {t('filings.downloadBlank')}
        </Button>
      </Space>
      <FilingEvents filing={filing} />
    </div>
  );
}
