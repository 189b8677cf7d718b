import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreatePairingRequest } from '../../../common/schemas/pairings';
import { FormModal } from '../../components/FormModal';
import { blankToNull, zodRule } from '../../components/formRules';
import { useOrganisationOptions } from '../organisations/api';
import { pairingKeys, pairingsApi } from './api';

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const counterparts = useOrganisationOptions('counterpart', open);
  const departments = useOrganisationOptions('department', open);

  return (
    <FormModal<Values>
      open={open}
      title={t('pairings.add')}
      okText={t('common.save')}
      width={520}
      onClose={onClose}
      initialValues={{ validFrom: year, shared: false }}
      onSubmit={async (values) => {
        await pairingsApi.create({ ...values, source: blankToNull(values.source) });
        message.success(t('pairings.createDone'));
        void queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      }}
    >
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
    </FormModal>
  );
}
