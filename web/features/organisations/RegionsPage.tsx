import { ApartmentOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LEVEL_LABELS, REGION_LEVELS, type RegionLevel } from '../../../common/organisations';
import { CreateRegionRequest, RegionDto, UpdateRegionRequest } from '../../../common/schemas/organisations';
import { hasPermission } from '../../access';
import { api, errorText } from '../../api/client';
import { zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { label } from '../../i18n';
import { useRegions } from './api';

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
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [childForm] = Form.useForm<ChildValues>();
  const [renameForm] = Form.useForm<{ name: string }>();

  const items = regions.data?.items ?? [];
  const tree = useMemo(() => buildTree(items, lang), [items, lang]);
  const selected = items.find((r) => r.id === selectedId) ?? null;

  const create = useMutation({
    mutationFn: (values: ChildValues) =>
      api.post('/api/v1/regions', CreateRegionRequest.parse({ ...values, parentId: selectedId }), RegionDto),
    onSuccess: (region) => {
      message.success(`${t('regions.created')}：${region.fullName}`);
      void queryClient.invalidateQueries({ queryKey: ['regions'] });
      setAdding(false);
    },
  });
  const rename = useMutation({
    mutationFn: (values: { name: string }) =>
      api.patch(`/api/v1/regions/${selectedId}`, UpdateRegionRequest.parse(values), RegionDto),
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['regions'] });
      setRenaming(false);
    },
  });

  useEffect(() => {
    if (adding && selected) {
      childForm.setFieldsValue({ name: '', level: nextLevel(selected.level) });
      create.reset();
    }
  }, [adding, selected, childForm, create.reset]);
  useEffect(() => {
    if (renaming && selected) {
      renameForm.setFieldsValue({ name: selected.name });
      rename.reset();
    }
  }, [renaming, selected, renameForm, rename.reset]);

  const levelOptions = REGION_LEVELS.map((l) => ({ value: l, label: label(REGION_LEVEL_LABELS[l], lang) }));

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('regions.title')}
        </Typography.Title>
      }
    >
      {regions.isError ? <Alert type="error" showIcon title={errorText(regions.error)} /> : null}
      {regions.isPending ? (
        <Skeleton active />
      ) : (
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
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                      {t('regions.addChild')}
                    </Button>
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
      <Modal
        open={adding}
        title={selected ? t('regions.addChildOf', { name: selected.fullName }) : t('regions.addChild')}
        onCancel={() => setAdding(false)}
        onOk={() => childForm.submit()}
        okText={t('common.save')}
        confirmLoading={create.isPending}
        forceRender
      >
        {create.isError ? (
          <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<ChildValues> form={childForm} layout="vertical" onFinish={(values) => create.mutate(values)}>
          <Form.Item
            name="name"
            label={t('regions.name')}
            rules={[zodRule(CreateRegionRequest.shape.name, t('regions.name'), t)]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="level"
            label={t('regions.level')}
            rules={[zodRule(CreateRegionRequest.shape.level, t('regions.level'), t)]}
          >
            <Select options={levelOptions} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={renaming}
        title={t('common.edit')}
        onCancel={() => setRenaming(false)}
        onOk={() => renameForm.submit()}
        okText={t('common.save')}
        confirmLoading={rename.isPending}
        forceRender
      >
        {rename.isError ? (
          <Alert type="error" showIcon title={errorText(rename.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form form={renameForm} layout="vertical" onFinish={(values) => rename.mutate(values)}>
          <Form.Item
            name="name"
            label={t('regions.name')}
            rules={[zodRule(UpdateRegionRequest.shape.name, t('regions.name'), t)]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
