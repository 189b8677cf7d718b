import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { barChartSvg } from '../../../common/bar-chart';
import { type BriefBlock, conferenceBrief } from '../../../common/conference-brief';
import { useConference } from '../conference/api';
import { PrintShell } from './PrintShell';

function Block({ block }: { block: BriefBlock }) {
  switch (block.kind) {
    case 'title':
      return <h1 className="gb-title">{block.text}</h1>;
    case 'subtitle':
      return <p className="gb-subtitle">{block.text}</p>;
    case 'heading':
      return <h2 className="gb-heading">{block.text}</h2>;
    case 'paragraph':
      return <p className="gb-paragraph">{block.text}</p>;
    case 'legend':
      return <p className="gb-legend">{block.text}</p>;
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0) || 1;
      return (
        <table className="gb-table" data-testid="print-table">
          <colgroup>
            {block.widths.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity but their place
              <col key={i} style={{ width: `${(w / total) * 100}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows print in the order given
              <tr key={r}>
                {row.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells print in the order given
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'chart':
      // The SVG of the .docx, as an image: a picture cannot run script, whatever its labels hold.
      return (
        <figure className="gb-chart" style={{ margin: 0 }}>
          <img
            data-testid="print-chart"
            alt={block.caption}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(barChartSvg(block.title, block.bars))}`}
          />
          <figcaption className="gb-caption">{block.caption}</figcaption>
        </figure>
      );
  }
}

/** /conference/:year/print — the conference brief, the blocks of the .docx, for printing from the browser. */
export default function ConferencePrint() {
  const { t } = useTranslation();
  const year = Number(useParams().year);
  const data = useConference(year);
  return (
    <PrintShell back={`/conference?year=${year}`} loading={data.isPending} error={data.error}>
      {data.data ? (
        <div className="gb-page" data-testid="print-page">
          {conferenceBrief(data.data).map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the blocks print in order and never move
            <Block key={i} block={b} />
          ))}
        </div>
      ) : null}
      <title>{t('print.conferenceTitle', { year })}</title>
    </PrintShell>
  );
}
