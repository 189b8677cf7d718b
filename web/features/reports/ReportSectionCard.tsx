import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportSectionTitle } from '../../../common/report-prose';
import type { ReportSectionDto } from '../../../common/schemas/reports';
import { preWrap as pre } from '../../lib/styles';
import { Sentences } from './ReportSentences';

/**
 * One of the seven sections: the generated text (each sentence leads to its records) or the department's
 * own, with editing. `draft`: undefined = unchanged, null = back to the generated text, a string = typed.
 */
export function ReportSectionCard({
  section: s,
  index: i,
  draft,
  isEditing,
  canEdit,
  onDraft,
  onEditing,
}: {
  section: ReportSectionDto;
  index: number;
  draft: string | null | undefined;
  isEditing: boolean;
  canEdit: boolean;
  onDraft: (draft: string | null) => void;
  onEditing: (editing: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const changed = draft !== undefined;
  const edited = changed ? draft !== null : s.edited;
  const generatedChanged =
    s.edited && s.generatedWhenSaved !== null && s.generatedWhenSaved !== s.generated.text;
  return (
    <Card
      size="small"
      data-testid={`section-${s.key}`}
      title={
        <Space wrap>
          <span>
            {i + 1}. {reportSectionTitle(s.key, s.title, i18n.language === 'en' ? 'en' : 'zh-CN')}
          </span>
          {edited ? <Tag color="blue">{t('reports.edited')}</Tag> : <Tag>{t('reports.generated')}</Tag>}
          {changed ? <Tag color="orange">{t('reports.unsaved')}</Tag> : null}
        </Space>
      }
      extra={
        canEdit ? (
          <Space size={4}>
            {edited ? (
              <Button
                size="small"
                icon={<UndoOutlined />}
                onClick={() => {
                  onDraft(null);
                  onEditing(false);
                }}
              >
                {t('reports.useGenerated')}
              </Button>
            ) : null}
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEditing(!isEditing)}
              data-testid={`section-edit-${s.key}`}
            >
              {isEditing ? t('reports.doneEditing') : t('common.edit')}
            </Button>
          </Space>
        ) : null
      }
    >
      {isEditing ? (
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 16 }}
          maxLength={20000}
          value={draft ?? (draft === null ? s.generated.text : s.text)}
          onChange={(e) => onDraft(e.target.value)}
          data-testid={`section-text-${s.key}`}
        />
      ) : changed ? (
        <Typography.Paragraph style={pre}>{draft ?? s.generated.text}</Typography.Paragraph>
      ) : s.edited ? (
        <Typography.Paragraph style={pre} data-testid={`section-view-${s.key}`}>
          {s.text}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph data-testid={`section-view-${s.key}`}>
          <Sentences sentences={s.generated.sentences} />
        </Typography.Paragraph>
      )}
      {edited || isEditing ? (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'generated',
              label: generatedChanged ? t('reports.generatedChanged') : t('reports.showGenerated'),
              children: <Sentences sentences={s.generated.sentences} />,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
