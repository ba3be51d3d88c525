import { Alert, List, Text } from '@mantine/core';
import { errorMessageJa } from '../api/errors';
import type { ChangedField } from './stale-changes';

/** What someone else changed while the person was editing: the current values, field by field. */
export function StaleNotice({ changes }: { changes: readonly ChangedField[] }) {
  return (
    <Alert color="yellow" role="alert">
      <Text fw={700}>ほかの人が先に変更しました。</Text>
      最新の内容を読み込み直しました。あなたの入力はそのまま残っています。確認してから、もう一度「保存」を押してください。
      {changes.length > 0 ? (
        <List size="sm" mt="xs">
          {changes.map((change) => (
            <List.Item key={change.label}>
              {change.label}: 現在は「{change.current}」
            </List.Item>
          ))}
        </List>
      ) : (
        ' 変更された項目はありません(保存し直しただけです)。'
      )}
    </Alert>
  );
}

/** Why the last save did not go through: someone else's change (with what changed), or the API's refusal in Japanese. */
export function SaveProblem({ stale, error }: { stale: readonly ChangedField[] | undefined; error: unknown }) {
  if (stale) return <StaleNotice changes={stale} />;
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessageJa(error)}
    </Alert>
  );
}
