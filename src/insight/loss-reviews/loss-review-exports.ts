import { RouteExports, col, listExport } from '../../platform/exports/export-definition';
import type { LossReviewDto } from './dto/loss-review.dto';

const lossReviews = listExport<LossReviewDto>({ fileName: '減少要因の振り返り', asciiName: 'loss-reviews', sheetName: '振り返り' }, [
  col.text('地域連合', (r) => r.regionalCouncilName),
  col.date('期間(開始)', (r) => r.periodFrom),
  col.date('期間(終了)', (r) => r.periodTo),
  col.text('主な要因', (r) => r.causeLabels.map((c) => c.label)),
  col.text('把握した内容', (r) => r.findings),
  col.text('対策', (r) => r.countermeasures),
  col.datetime('記録日時', (r) => r.createdAt),
]);

export const LOSS_REVIEW_EXPORTS: RouteExports = { '/loss-reviews': lossReviews };
