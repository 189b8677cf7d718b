import { App, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../common/organisations';
import { CreateOrganisationRequest } from '../../../common/schemas/organisations';
import { FormModal } from '../../components/FormModal';
import { blankToNull, schemaRules } from '../../components/formRules';
import { organisationApi, useOrganisationMutation, useRegions } from './api';
import { useKindOptions } from './labels';

interface CreateValues {
  regionId: number;
  kind: OrganisationKind;
  name: string;
  shortName?: string;
  sortOrder: number;
}

/** A new organisation: region (the deepest one offered first), kind, name, short name, order. */
export function CreateOrganisationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const regions = useRegions(open);
  const kinds = useKindOptions();
  const f = schemaRules(CreateOrganisationRequest, t);
  const create = useOrganisationMutation((values: CreateValues) =>
    organisationApi.create({ ...values, shortName: blankToNull(values.shortName) }),
  );

  return (
    <FormModal<CreateValues>
      open={open}
      title={t('organisations.createTitle')}
      okText={t('common.save')}
      width={520}
      initialValues={{ kind: 'department', sortOrder: 0 }}
      onSubmit={async (values) => {
        const org = await create.mutateAsync(values);
        message.success(`${t('common.created')}：${org.name}`);
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <DeepestRegion form={form} open={open} regions={regions.data?.items} />
          <Form.Item
            name="regionId"
            label={t('organisations.region')}
            rules={f.rules('regionId', t('organisations.region'))}
          >
            <Select
              loading={regions.isPending}
              placeholder={t('organisations.selectRegion')}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.fullName }))}
            />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('organisations.kind')}
            rules={f.rules('kind', t('organisations.kind'))}
          >
            <Select options={kinds} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('organisations.name')}
            rules={f.rules('name', t('organisations.name'))}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="shortName"
            label={t('organisations.shortName')}
            rules={f.rules('shortName', t('organisations.shortName'))}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="sortOrder"
            label={t('organisations.sortOrder')}
            rules={f.rules('sortOrder', t('organisations.sortOrder'))}
          >
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** The only region, or the deepest one, is the likely choice: chosen once the regions are in. */
function DeepestRegion({
  form,
  open,
  regions,
}: {
  form: { getFieldValue: (name: 'regionId') => unknown; setFieldsValue: (v: { regionId: number }) => void };
  open: boolean;
  regions: { id: number; path: string }[] | undefined;
}) {
  useEffect(() => {
    if (open && regions && regions.length > 0 && form.getFieldValue('regionId') === undefined) {
      const deepest = [...regions].sort((a, b) => b.path.length - a.path.length)[0];
      if (deepest) form.setFieldsValue({ regionId: deepest.id });
    }
  }, [open, regions, form]);
  return null;
}
