import { Button, Group } from '@mantine/core';
import { exportUrl, type ExportFormat, type ExportPath, type ExportQuery, type ExportSource } from './export-url';

/** What the table is, for the group's accessible name (「構成組織別の組合員数」の出力). */
interface Named {
  name: string;
}

/** The query object that fetched the table (its options `withExport`): the file has the same filters. */
interface Of<P extends ExportPath> extends Named {
  of: { source: ExportSource<P> };
}

/** A list's route and filters spelled out (kept while screens move to `of`). */
interface Spelled<P extends ExportPath> extends Named {
  path: P;
  query?: ExportQuery<P>;
  params?: Record<string, string>;
}

type Props<P extends ExportPath> = Of<P> | Spelled<P>;

/** Starts a download of `url` in the page (a same-origin GET: the session cookie goes along). */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * 「Excelで出力」 and 「CSVで出力」 for a report or list on screen: the same API route with
 * the same filters, answered by the service as a file (Japanese headers, every row in scope).
 */
export function ExportButtons<P extends ExportPath>(props: Props<P>) {
  const { name } = props;
  const { path, query, params } = 'of' in props ? props.of.source : props;
  const start = (format: ExportFormat) => download(exportUrl(path, (query ?? {}) as Record<string, never>, format, params));
  return (
    <Group gap="xs" role="group" aria-label={`${name}の出力`} className="no-print">
      <Button variant="default" size="xs" onClick={() => start('xlsx')}>
        Excelで出力
      </Button>
      <Button variant="default" size="xs" onClick={() => start('csv')}>
        CSVで出力
      </Button>
    </Group>
  );
}
