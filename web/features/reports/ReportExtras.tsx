import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Input, Rate, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDto } from '../../../common/schemas/reports';
import { errorText } from '../../api/client';
import { useCurrentUser } from '../../components/guards';
import { DetailTable } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { notAhead } from '../../lib/dates';
import { usePairings } from '../pairings/api';
import { reportApi, reportKeys, useEvaluations, useReportRound } from './api';

/** 统战部 sets the year's report deadline (default 1月31日 of the next year). */
export function ReportDeadline({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const round = useReportRound(year);
  const [value, setValue] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (deadline: string) => reportApi.setDeadline(year, deadline),
    onSuccess: () => {
      setValue(null);
      void queryClient.invalidateQueries({ queryKey: reportKeys.round(year) });
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      message.success(t('common.saved'));
    },
    onError: (e) => message.error(errorText(e)),
  });
  const current = value ?? round.data?.deadline ?? '';
  return (
    <Space wrap>
      <Typography.Text>{t('reports.deadline')}</Typography.Text>
      <DatePicker
        style={{ width: 160 }}
        value={current ? dayjs(current) : null}
        disabledDate={notAhead}
        allowClear={false}
        onChange={(d) => setValue(d ? d.format('YYYY-MM-DD') : null)}
        aria-label={t('reports.deadline')}
        data-testid="report-deadline"
      />
      <Button
        icon={<SaveOutlined />}
        disabled={!value || value === round.data?.deadline}
        loading={save.isPending}
        onClick={() => value && save.mutate(value)}
      >
        {t('common.save')}
      </Button>
    </Space>
  );
}

/**
 * Mutual evaluation (互评): each side of a pair rates the other's liaison work for the year, 1–5 with a
 * comment; a department rates its counterparts, a counterpart its departments. The conference pack shows it.
 */
export function MutualEvaluation({ year }: { year: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isDepartment = user.role === 'department';
  const pairings = usePairings(year);
  const evaluations = useEvaluations(year);
  const partners = new Map<number, string>();
  for (const p of pairings.data?.items ?? []) {
    const other = isDepartment ? p.counterpart : p.department;
    partners.set(other.id, other.name);
  }
  const mine = (evaluations.data?.items ?? []).filter((e) =>
    isDepartment ? e.raterSide === 'department' : e.raterSide === 'counterpart',
  );
  const [partnerId, setPartnerId] = useState<number | null>(null);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const save = useMutation({
    mutationFn: () =>
      reportApi.evaluate({ year, partnerId: partnerId ?? 0, score, comment: comment.trim() || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reportKeys.evaluations(year) });
      message.success(t('common.saved'));
    },
  });
  const choose = (id: number) => {
    setPartnerId(id);
    const existing = mine.find((e) => (isDepartment ? e.counterpart.id : e.department.id) === id);
    setScore(existing?.score ?? 0);
    setComment(existing?.comment ?? '');
  };
  return (
    <Card size="small" title={t('reports.evaluationTitle', { year })} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('reports.evaluationHint')}</Typography.Paragraph>
      <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 220 }}
          placeholder={t('reports.evaluationPartner')}
          aria-label={t('reports.evaluationPartner')}
          value={partnerId ?? undefined}
          options={[...partners].map(([value, label]) => ({ value, label }))}
          onChange={choose}
          data-testid="evaluation-partner"
        />
        <Rate value={score} onChange={setScore} />
        <Input.TextArea
          style={{ width: 320 }}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          placeholder={t('reports.evaluationComment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Button
          type="primary"
          disabled={!partnerId || score < 1}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="evaluation-save"
        >
          {t('common.save')}
        </Button>
      </Space>
      <DetailTable<EvaluationDto>
        rowKey="id"
        dataSource={mine}
        columns={[
          {
            title: t('reports.evaluationPartner'),
            key: 'partner',
            render: (_, e) => (isDepartment ? e.counterpart.name : e.department.name),
          },
          {
            title: t('reports.evaluationScore'),
            dataIndex: 'score',
            render: (s: number) => <Rate disabled value={s} />,
          },
          {
            title: t('reports.evaluationComment'),
            dataIndex: 'comment',
            render: (c: string | null) => c ?? '',
          },
        ]}
      />
    </Card>
  );
}
