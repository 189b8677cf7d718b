import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatePairingRequest } from '../../../common/schemas/pairings';
import { api, errorText } from '../../api/client';
import { blankToNull, zodRule } from '../../components/formRules';
import { useOrganisationOptions } from '../organisations/api';
import { pairingKeys } from './api';

interface Values {
  counterpartId: number;
  departmentId: number;
  validFrom: number;
  source?: string;
  shared: boolean;
}

const fields = CreatePairingRequest.shape;

export function CreatePairingModal({
  open,
  year,
  onClose,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const counterparts = useOrganisationOptions('counterpart', open);
  const departments = useOrganisationOptions('department', open);

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.postIgnoringBody(
        '/api/v1/pairings',
        CreatePairingRequest.parse({ ...values, source: blankToNull(values.source) }),
      ),
    onSuccess: () => {
      message.success(t('pairings.createDone'));
      void queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      onClose();
    },
  });

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ validFrom: year, shared: false });
      create.reset();
    }
  }, [open, year, form, create.reset]);

  return (
    <Modal
      open={open}
      title={t('pairings.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('common.save')}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="counterpartId"
          label={t('pairings.counterpart')}
          rules={[zodRule(fields.counterpartId, t('pairings.counterpart'), t)]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={counterparts.isPending}
            options={counterparts.data}
            placeholder={t('pairings.selectCounterpart')}
          />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('pairings.department')}
          rules={[zodRule(fields.departmentId, t('pairings.department'), t)]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={departments.isPending}
            options={departments.data}
            placeholder={t('pairings.selectDepartment')}
          />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label={t('pairings.validFrom')}
          rules={[zodRule(fields.validFrom, t('pairings.validFrom'), t)]}
        >
          <InputNumber style={{ width: 160 }} min={1949} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('pairings.source')}
          rules={[zodRule(fields.source, t('pairings.source'), t)]}
        >
          <Input placeholder={t('pairings.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked">
          <Checkbox>{t('pairings.sharedCheckbox')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
