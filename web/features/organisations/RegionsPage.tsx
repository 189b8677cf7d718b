import { ApartmentOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LEVEL_LABELS, REGION_LEVELS, type RegionLevel } from '../../../common/organisations';
import {
  CreateRegionRequest,
  type RegionDto,
  UpdateRegionRequest,
} from '../../../common/schemas/organisations';
import { hasPermission } from '../../access';
import { FormModal } from '../../components/FormModal';
import { schemaRules } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { PageCard } from '../../components/PageCard';
import { QueryStatus } from '../../components/QueryStatus';
import { AddButton } from '../../components/Toolbar';
import { label } from '../../i18n';
import { organisationApi, useRegionMutation, useRegions } from './api';

/** Regions come as a flat list with parentId; the tree is built here. */
function buildTree(items: RegionDto[], lang: 'zh-CN' | 'en'): TreeDataNode[] {
  const children = new Map<number | null, RegionDto[]>();
  const ids = new Set(items.map((r) => r.id));
  for (const r of items) {
    // A region whose parent is outside what this user sees is shown as a root.
    const parent = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const build = (parent: number | null): TreeDataNode[] =>
    (children.get(parent) ?? []).map((r) => ({
      key: r.id,
      title: (
        <span>
          {r.name} <Tag style={{ marginInlineStart: 4 }}>{label(REGION_LEVEL_LABELS[r.level], lang)}</Tag>
        </span>
      ),
      children: build(r.id),
    }));
  return build(null);
}

function nextLevel(level: RegionLevel): RegionLevel {
  const i = REGION_LEVELS.indexOf(level);
  return REGION_LEVELS[Math.min(i + 1, REGION_LEVELS.length - 1)] ?? 'county';
}

interface ChildValues {
  name: string;
  level: RegionLevel;
}

export default function RegionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const user = useCurrentUser();
  const canWrite = hasPermission(user, 'regions:write');
  const regions = useRegions();
  const { message } = App.useApp();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const childRules = schemaRules(CreateRegionRequest, t);
  const renameRules = schemaRules(UpdateRegionRequest, t);

  const items = regions.data?.items ?? [];
  const tree = useMemo(() => buildTree(items, lang), [items, lang]);
  const selected = items.find((r) => r.id === selectedId) ?? null;

  const create = useRegionMutation((values: ChildValues) =>
    organisationApi.createRegion({ ...values, parentId: selectedId ?? 0 }),
  );
  const rename = useRegionMutation((values: { name: string }) =>
    organisationApi.renameRegion(selectedId ?? 0, values),
  );

  const levelOptions = REGION_LEVELS.map((l) => ({ value: l, label: label(REGION_LEVEL_LABELS[l], lang) }));

  return (
    <PageCard title={t('regions.title')}>
      <QueryStatus query={regions} />
      {regions.isPending ? null : (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12}>
            {tree.length === 0 ? (
              <Empty description={t('app.empty')} />
            ) : (
              <Tree
                showLine
                defaultExpandAll
                icon={<ApartmentOutlined />}
                treeData={tree}
                selectedKeys={selectedId === null ? [] : [selectedId]}
                onSelect={(keys) => setSelectedId(keys.length > 0 ? Number(keys[0]) : null)}
                data-testid="region-tree"
              />
            )}
          </Col>
          <Col xs={24} md={12}>
            {selected ? (
              <>
                <Descriptions
                  column={1}
                  bordered
                  size="small"
                  items={[
                    { key: 'name', label: t('regions.name'), children: selected.name },
                    {
                      key: 'level',
                      label: t('regions.level'),
                      children: label(REGION_LEVEL_LABELS[selected.level], lang),
                    },
                    { key: 'full', label: t('regions.fullName'), children: selected.fullName },
                  ]}
                />
                {canWrite ? (
                  <div className="liaison-toolbar" style={{ marginTop: 16 }}>
                    <AddButton onClick={() => setAdding(true)}>{t('regions.addChild')}</AddButton>
                    <Button icon={<EditOutlined />} onClick={() => setRenaming(true)}>
                      {t('common.edit')}
                    </Button>
                  </div>
                ) : null}
              </>
            ) : (
              <Typography.Text type="secondary">{t('regions.selectHint')}</Typography.Text>
            )}
          </Col>
        </Row>
      )}
      <FormModal<ChildValues>
        open={adding && selected !== null}
        title={selected ? t('regions.addChildOf', { name: selected.fullName }) : t('regions.addChild')}
        okText={t('common.save')}
        width={520}
        initialValues={{ name: '', level: selected ? nextLevel(selected.level) : undefined }}
        onSubmit={async (values) => {
          const region = await create.mutateAsync(values);
          message.success(`${t('regions.created')}：${region.fullName}`);
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="name" label={t('regions.name')} rules={childRules.rules('name', t('regions.name'))}>
          <Input />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('regions.level')}
          rules={childRules.rules('level', t('regions.level'))}
        >
          <Select options={levelOptions} />
        </Form.Item>
      </FormModal>
      <FormModal<{ name: string }>
        open={renaming && selected !== null}
        title={t('common.edit')}
        okText={t('common.save')}
        width={520}
        initialValues={{ name: selected?.name }}
        onSubmit={async (values) => {
          await rename.mutateAsync(values);
          message.success(t('common.saved'));
        }}
        onClose={() => setRenaming(false)}
      >
        <Form.Item name="name" label={t('regions.name')} rules={renameRules.rules('name', t('regions.name'))}>
          <Input />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
