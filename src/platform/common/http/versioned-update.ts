import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { staleVersion } from '../errors/domain-error';

/**
 * UPDATE ... SET <patch>, version = version + 1 WHERE id = :id [AND version = :v].
 * Returns false when no row has that id; throws 409 when `version` is stale, so a
 * concurrent writer never overwrites a change it has not seen.
 */
export async function versionedUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  version: number | undefined,
  patch: Record<string, unknown>,
): Promise<boolean> {
  const criteria = version === undefined ? { id } : { id, version };
  const result = await manager.update(target, criteria, { ...patch, version: () => 'version + 1', updatedAt: () => 'now()' } as never);
  if (result.affected === 1) return true;
  if (version === undefined) return false;
  const exists = await manager.getRepository(target).exists({ where: { id } as never });
  if (exists) throw staleVersion();
  return false;
}
