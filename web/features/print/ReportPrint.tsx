import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  ANNUAL_REPORT_NOTE,
  annualReportFormDate,
  annualReportTitle,
} from '../../../common/annual-report-form';
import { blankChineseDate, chineseDate } from '../../../common/chinese-date';
import type { ReportDto } from '../../../common/schemas/reports';
import { useReport } from '../reports/api';
import { PrintShell } from './PrintShell';

/** One person row: 责任领导 / 联络员, name, 联系电话, phone (masked as the API gives it). */
function PersonRow({ label, person }: { label: string; person: ReportDto['header']['leader'] }) {
  return (
    <tr>
      <td colSpan={2}>{label}</td>
      <td>{person?.name ?? ''}</td>
      <td>联系电话</td>
      <td>{person?.phone ?? ''}</td>
    </tr>
  );
}

/** 附件3 of one department as the printed form: the same rows, in the same order, as the .docx. */
export function AnnualReportForm({ report }: { report: ReportDto }) {
  const date = annualReportFormDate(report.submittedAt);
  const h = report.header;
  return (
    <div className="gb-page" data-testid="print-page">
      <p className="gb-label">附件3</p>
      <h1 className="gb-title">{annualReportTitle(report.year)}</h1>
      <p className="gb-line">
        <span>部　门：{report.department.name}</span>
        <span>{date ? chineseDate(date) : blankChineseDate(null)}</span>
      </p>
      <table className="gb-table gb-form">
        <colgroup>
          <col style={{ width: '9%' }} />
          <col style={{ width: '30.5%' }} />
          <col style={{ width: '19.2%' }} />
          <col style={{ width: '14.7%' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <td colSpan={2}>
              所联系民主党派、工商联
              <br />
              和无党派人士
            </td>
            <td colSpan={3}>{h.counterparts.map((c) => c.name).join('、')}</td>
          </tr>
          <PersonRow label="责任领导" person={h.leader} />
          <PersonRow label="联络员" person={h.liaison} />
          {report.sections.map((s, i, all) => (
            <tr key={s.key} data-testid="print-section">
              {/* 年度情况 down the first column. Not one cell merged down the rows as in the .docx: a browser keeps
                  rows joined by rowspan on one page, so the form could not break between sections. The cells
                  show as one column (no rules between them), the word in the middle row. */}
              <td
                className="gb-vertical"
                style={{
                  borderTopStyle: i === 0 ? 'solid' : 'none',
                  borderBottomStyle: i === all.length - 1 ? 'solid' : 'none',
                }}
              >
                {i === Math.floor((all.length - 1) / 2)
                  ? [...'年度情况'].map((ch) => <div key={ch}>{ch}</div>)
                  : null}
              </td>
              <td>{s.title}</td>
              <td className="gb-text" colSpan={3}>
                {s.text
                  .split(/\r?\n/)
                  .filter((line) => line.trim() !== '')
                  .join('\n')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ margin: 0 }}>{ANNUAL_REPORT_NOTE}</p>
    </div>
  );
}

/** /reports/:departmentId/:year/print — 附件3 of one department, for printing from the browser. */
export default function ReportPrint() {
  const { t } = useTranslation();
  const { departmentId, year } = useParams();
  const d = Number(departmentId);
  const y = Number(year);
  const report = useReport(d, y);
  return (
    <PrintShell back={`/reports/${d}/${y}`} loading={report.isPending} error={report.error}>
      {report.data ? <AnnualReportForm report={report.data} /> : null}
      <title>{t('print.reportTitle', { year: y })}</title>
    </PrintShell>
  );
}
