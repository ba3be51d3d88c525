import { RouteExports, col, listExport } from '../exports/export-definition';
import { labelOf } from '../labels/labels';
import { ROLE_LABELS } from './role-labels';
import type { UserDto } from './dto/user.dto';

const users = listExport<UserDto>({ fileName: 'ユーザー一覧', asciiName: 'users', sheetName: 'ユーザー', needs: ['regionalCouncils', 'federations'] }, [
  col.text('氏名', (u) => u.displayName),
  col.text('メールアドレス', (u) => u.email),
  col.text('役割', (u) => labelOf(ROLE_LABELS, u.role)),
  col.text('地域連合', (u, names) => names.regionalCouncil(u.regionalCouncilId)),
  col.text('構成組織', (u, names) => names.federation(u.federationId)),
  col.datetime('登録日時', (u) => u.createdAt),
]);

export const USER_EXPORTS: RouteExports = { '/users': users };
