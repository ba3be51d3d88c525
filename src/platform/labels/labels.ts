import kanagawa from '../../demo/data/kanagawa.json';

/**
 * Japanese labels (Japanese first, English second) for every code list of the API,
 * so a console can show 結成準備会 without a table of its own.
 */
export interface Label {
  code: string;
  label: string;
  labelEn: string;
}

type LabelMap = Record<string, [string, string]>;

function list(map: LabelMap): Label[] {
  return Object.entries(map).map(([code, [label, labelEn]]) => ({ code, label, labelEn }));
}

const en = (code: string): string => code.replace(/_/g, ' ');
const fromData = (labels: Record<string, string>, english: Record<string, string> = {}): LabelMap =>
  Object.fromEntries(Object.entries(labels).map(([code, label]) => [code, [label, english[code] ?? en(code)]]));

export const LABELS = {
  causes: fromData(kanagawa.causeLabels),
  stages: fromData(kanagawa.stageLabels, { on_hold: 'on hold' }),
  employmentTypes: fromData(kanagawa.employmentTypeLabels, { part_time: 'part-time', fixed_term: 'fixed-term' }),
  genders: fromData(kanagawa.genderLabels),
  visitOutcomes: fromData(kanagawa.visitOutcomeLabels),
  consultationTopics: fromData(kanagawa.consultationTopicLabels),
  prospectSources: {
    consultation: ['労働相談から', 'from a consultation'],
    referral: ['紹介', 'referral'],
    federation: ['構成組織から', 'from a federation'],
    corporate_group: ['企業グループ・関連企業', 'corporate group'],
    outreach: ['訪問・宣伝活動', 'outreach'],
    other: ['その他', 'other'],
  },
  visitKinds: {
    visit: ['訪問', 'visit'],
    phone: ['電話', 'phone'],
    meeting: ['会合', 'meeting'],
    leaflet: ['ビラ配布', 'leaflet'],
    online: ['オンライン', 'online'],
    consultation: ['相談対応', 'consultation'],
  },
  supportLevels: {
    '1': ['積極支持', 'strong support'],
    '2': ['支持', 'support'],
    '3': ['中立', 'undecided'],
    '4': ['反対', 'opposition'],
    '5': ['強い反対', 'strong opposition'],
  },
  consultationChannels: {
    street: ['街頭', 'street'],
    phone: ['電話', 'phone'],
    web: ['ウェブ', 'web'],
    walk_in: ['来所', 'walk-in'],
  },
  unionStatuses: { active: ['活動中', 'active'], dissolved: ['解散', 'dissolved'], merged: ['統合', 'merged'] },
  unionKinds: {
    enterprise: ['企業別組合', 'enterprise union'],
    general: ['地域ユニオン・一般労組', 'general union'],
    direct: ['直加盟', 'directly affiliated'],
  },
  roles: {
    admin: ['システム管理者', 'administrator'],
    leadership: ['執行部', 'leadership'],
    regional: ['地域連合', 'regional council staff'],
    federation: ['構成組織(産別)', 'federation'],
    organizer: ['オルガナイザー', 'organizer'],
  },
  stageChangeKinds: {
    created: ['登録', 'created'],
    moved: ['ステージ移行', 'moved'],
    reopened: ['再開', 'reopened'],
    affiliated: ['加盟手続', 'affiliated'],
  },
  milestoneStatuses: { met: ['達成', 'met'], missed: ['未達', 'missed'], on_track: ['順調', 'on track'], at_risk: ['要注意', 'at risk'] },
} satisfies Record<string, LabelMap>;

export type LabelList = keyof typeof LABELS;

/** The Japanese label of a code, or the code itself when unknown. */
export function labelOf(listName: LabelList, code: string): string {
  const map: LabelMap = LABELS[listName];
  return Object.hasOwn(map, code) ? map[code][0] : code;
}

export function allLabels(): Record<LabelList, Label[]> {
  return Object.fromEntries(Object.entries(LABELS).map(([name, map]) => [name, list(map)])) as Record<LabelList, Label[]>;
}
