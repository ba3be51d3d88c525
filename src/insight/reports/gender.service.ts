import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/time/clock';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { byLabelOrder, groupLabels } from './report-labels';
import { GenderQuery } from './report-query.dto';
import { reportFilters } from './report-scope';
import { GenderRow, RollupReader } from './rollup-reader';

export interface GenderCounts {
  female: number;
  male: number;
  unspecified: number;
  members: number;
  /** female / members (null without members) */
  femaleShare: number | null;
  /** female / (female + male): the ratio among members whose gender is known */
  femaleShareOfKnown: number | null;
}

export interface GenderGroup extends GenderCounts {
  key: string;
  label: string;
  publishedMembers?: number;
  publishedFemaleShare?: number | null;
}

export interface GenderReport {
  asOf: Date | null;
  month: string;
  closed: boolean;
  published: boolean;
  total: GenderCounts;
  groups: GenderGroup[];
}

type Row = GenderRow;

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function counts(rows: Row[]): GenderCounts {
  const of = (gender: string): number => rows.filter((r) => r.gender === gender).reduce((sum, r) => sum + r.members, 0);
  const [female, male, unspecified] = [of('female'), of('male'), of('unspecified')];
  const members = female + male + unspecified;
  return {
    female,
    male,
    unspecified,
    members,
    femaleShare: members ? round4(female / members) : null,
    femaleShareOfKnown: female + male ? round4(female / (female + male)) : null,
  };
}

/** Members by gender and the female share per federation or council at a month end (男女比率). */
@Injectable()
export class GenderService {
  constructor(
    private readonly reader: RollupReader,
    private readonly clock: Clock,
  ) {}

  async gender(query: GenderQuery, caller: CurrentUser): Promise<GenderReport> {
    const filters = reportFilters(caller, query);
    const month = query.month ?? this.clock.month();
    const { asOf, closed: closedMonths } = await this.reader.window(month, month);
    const closed = closedMonths.length > 0;
    const { live: liveRows, published: publishedRows } = await this.reader.gendersAt(query.groupBy, filters, month, closed);
    const asPublished = closed && query.asPublished === true;
    const shown = asPublished ? publishedRows : liveRows;
    const keys = [...new Set([...liveRows, ...publishedRows].map((r) => r.key))];
    const labels = await groupLabels(this.reader, query.groupBy, keys);
    const groups = keys
      .sort(byLabelOrder(labels))
      .map((key): GenderGroup => {
        const now = counts(shown.filter((r) => r.key === key));
        const group: GenderGroup = { key, label: labels.get(key)?.label ?? key, ...now };
        if (!closed || asPublished) return group;
        const then = counts(publishedRows.filter((r) => r.key === key));
        const changed = then.female !== now.female || then.male !== now.male || then.unspecified !== now.unspecified;
        return changed ? { ...group, publishedMembers: then.members, publishedFemaleShare: then.femaleShare } : group;
      })
      .filter((g) => g.members !== 0 || g.publishedMembers !== undefined);
    return { asOf, month, closed, published: asPublished, total: counts(shown), groups };
  }
}
