/**
 * The group tree as the screen walks it: which items are visible, and where each key of
 * WAI-ARIA's tree pattern moves the focus (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/).
 * Pure functions over any tree whose nodes carry a company id, a name and children.
 */

export interface TreeNode<N> {
  company: { id: string; name: string };
  children: N[];
}

/** One visible item: its node, depth (1 for the ultimate parent, as `aria-level`), its parent's id, and its place among its siblings. */
export interface VisibleItem<N> {
  node: N;
  id: string;
  level: number;
  parentId: string | null;
  posInSet: number;
  setSize: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** Every item in document order whose ancestors are all expanded. */
export function visibleItems<N extends TreeNode<N>>(root: N, expanded: ReadonlySet<string>): VisibleItem<N>[] {
  const out: VisibleItem<N>[] = [];
  const walk = (node: N, level: number, parentId: string | null, posInSet: number, setSize: number): void => {
    const hasChildren = node.children.length > 0;
    const open = hasChildren && expanded.has(node.company.id);
    out.push({ node, id: node.company.id, level, parentId, posInSet, setSize, hasChildren, expanded: open });
    if (open) node.children.forEach((child, i) => walk(child, level + 1, node.company.id, i + 1, node.children.length));
  };
  walk(root, 1, null, 1, 1);
  return out;
}

/** Every node of the tree, depth first (the order the export and the totals use). */
export function allNodes<N extends TreeNode<N>>(root: N): N[] {
  const out: N[] = [];
  const walk = (node: N): void => {
    out.push(node);
    node.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The ids from the root down to `id` (both included), or [] when `id` is not in the tree. */
export function pathTo<N extends TreeNode<N>>(root: N, id: string): string[] {
  if (root.company.id === id) return [id];
  for (const child of root.children) {
    const below = pathTo(child, id);
    if (below.length > 0) return [root.company.id, ...below];
  }
  return [];
}

/** Groups this small open whole; larger ones open down to the company asked for, and the parent's own children. */
export const OPEN_WHOLE_UP_TO = 300;

/** What is expanded when a group is first shown: everything for a small group, else the root and the path to `focusId`. */
export function initialExpanded<N extends TreeNode<N>>(root: N, focusId?: string): Set<string> {
  const nodes = allNodes(root);
  if (nodes.length <= OPEN_WHOLE_UP_TO) return new Set(nodes.filter((n) => n.children.length > 0).map((n) => n.company.id));
  const path = focusId ? pathTo(root, focusId) : [];
  return new Set([root.company.id, ...path.slice(0, -1)]);
}

/** What a key does: move the focus to an item, expand or collapse items, or nothing (the key is the browser's). */
export type TreeMove = { focus: string } | { expand: string[] } | { collapse: string } | null;

/**
 * The tree pattern's keys on the item `currentId`: ↓/↑ the next/previous visible item;
 * → opens a closed item, or goes to the first child of an open one; ← closes an open item,
 * or goes to the parent; Home/End the first/last visible item; `*` opens every sibling;
 * a printable character goes to the next item whose name starts with it.
 */
export function keyMove<N extends TreeNode<N>>(items: VisibleItem<N>[], currentId: string, key: string): TreeMove {
  const index = items.findIndex((i) => i.id === currentId);
  if (index < 0) return items.length > 0 ? { focus: items[0].id } : null;
  const item = items[index];
  switch (key) {
    case 'ArrowDown':
      return index + 1 < items.length ? { focus: items[index + 1].id } : null;
    case 'ArrowUp':
      return index > 0 ? { focus: items[index - 1].id } : null;
    case 'ArrowRight':
      if (!item.hasChildren) return null;
      return item.expanded ? { focus: items[index + 1].id } : { expand: [item.id] };
    case 'ArrowLeft':
      if (item.expanded) return { collapse: item.id };
      return item.parentId ? { focus: item.parentId } : null;
    case 'Home':
      return { focus: items[0].id };
    case 'End':
      return { focus: items[items.length - 1].id };
    case '*': {
      const siblings = items.filter((i) => i.parentId === item.parentId && i.hasChildren && !i.expanded).map((i) => i.id);
      return siblings.length > 0 ? { expand: siblings } : null;
    }
    default:
      return typeAhead(items, index, key);
  }
}

/** Normalised for type-ahead: full-width to half-width, katakana and hiragana alike, 株式会社 and its short forms left out. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/株式会社|有限会社|合同会社|\(株\)|\(有\)/g, '')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .trim()
    .toLowerCase();
}

function typeAhead<N extends TreeNode<N>>(items: VisibleItem<N>[], index: number, key: string): TreeMove {
  if ([...key].length !== 1 || key === ' ') return null;
  const wanted = nameKey(key);
  if (!wanted) return null;
  for (let step = 1; step <= items.length; step++) {
    const candidate = items[(index + step) % items.length];
    if (nameKey(candidate.node.company.name).startsWith(wanted)) return { focus: candidate.id };
  }
  return null;
}

/** Applies a move's expansion to the set of expanded ids (a new set). */
export function applyExpansion(expanded: ReadonlySet<string>, move: TreeMove): Set<string> {
  const next = new Set(expanded);
  if (move && 'expand' in move) move.expand.forEach((id) => next.add(id));
  if (move && 'collapse' in move) next.delete(move.collapse);
  return next;
}
