import { Button, Card, Empty, Modal, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportSectionTitle } from '../../../common/report-prose';
import type { ReportDto } from '../../../common/schemas/reports';
import { formatDateTime } from '../../components/format';
import { QueryStatus } from '../../components/QueryStatus';
import { preWrap as pre } from '../../lib/styles';
import { useReportVersion } from './api';

/** The versions a report went through (submitted, returned, accepted), each readable as it was. */
export function ReportVersions({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | null>(null);
  return (
    <>
      <Card size="small" title={t('reports.versions')} style={{ marginTop: 16 }}>
        {report.versions.length === 0 ? (
          <Empty description={t('reports.noVersions')} />
        ) : (
          <Timeline
            data-testid="report-versions"
            items={report.versions.map((v) => ({
              key: v.version,
              color: v.action === 'returned' ? 'red' : v.action === 'accepted' ? 'green' : 'blue',
              content: (
                <div>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setVersion(v.version)}
                  >
                    {t('reports.versionN', { n: v.version })} · {t(`reports.actions.${v.action}`)}
                  </Button>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(v.at)}
                      {v.actor ? ` · ${v.actor}` : ''}
                    </Typography.Text>
                  </div>
                  {v.note ? <div style={pre}>{v.note}</div> : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {version !== null ? (
        <VersionModal
          departmentId={report.department.id}
          year={report.year}
          version={version}
          onClose={() => setVersion(null)}
        />
      ) : null}
    </>
  );
}

function VersionModal({
  departmentId,
  year,
  version,
  onClose,
}: {
  departmentId: number;
  year: number;
  version: number;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const query = useReportVersion(departmentId, year, version);
  return (
    <Modal open title={t('reports.versionN', { n: version })} onCancel={onClose} footer={null} width={760}>
      <QueryStatus query={query} />
      {query.data
        ? query.data.sections.map((s) => (
            <div key={s.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {reportSectionTitle(s.key, s.title, i18n.language === 'en' ? 'en' : 'zh-CN')}
              </Typography.Text>
              <Typography.Paragraph style={pre}>{s.text}</Typography.Paragraph>
            </div>
          ))
        : null}
    </Modal>
  );
}
