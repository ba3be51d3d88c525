/** A union's fields, by the names the console shows them under (the tables of 組織 and 組合員数, and 履歴). */
export const UNION_FIELDS = {
  code: 'コード',
  name: '組合名',
  federationId: '構成組織',
  regionalCouncilId: '地域連合',
  employerName: '企業名',
  municipality: '市区町村',
  affiliatedOn: '加盟日',
  status: '状態',
  kind: '種別',
} as const;
