import { describe, expect, it } from 'vitest';
import { allNodes, applyExpansion, initialExpanded, keyMove, nameKey, pathTo, visibleItems, type TreeNode } from './group-tree';

interface Node extends TreeNode<Node> {
  company: { id: string; name: string };
  children: Node[];
}

const node = (id: string, name: string, children: Node[] = []): Node => ({ company: { id, name }, children });

// みなとHD ─┬ みなと物流 ─┬ みなと倉庫
//           │             └ ベイ運輸
//           ├ みなと食品
//           └ 港南サービス ── こうなん清掃
const tree = node('hd', '株式会社みなとホールディングス', [
  node('logi', '株式会社みなと物流', [node('ware', 'みなと倉庫株式会社'), node('bay', 'ベイ運輸株式会社')]),
  node('food', 'みなと食品株式会社'),
  node('svc', '港南サービス株式会社', [node('clean', 'こうなん清掃株式会社')]),
]);

const ids = (expanded: string[]) => visibleItems(tree, new Set(expanded)).map((i) => i.id);

describe('the group tree as the screen walks it', () => {
  it('shows the children of expanded items only, with their level and place among siblings', () => {
    expect(ids([])).toEqual(['hd']);
    expect(ids(['hd'])).toEqual(['hd', 'logi', 'food', 'svc']);
    expect(ids(['hd', 'svc'])).toEqual(['hd', 'logi', 'food', 'svc', 'clean']);
    // a closed parent hides its open child
    expect(ids(['logi'])).toEqual(['hd']);
    const items = visibleItems(tree, new Set(['hd', 'logi']));
    const bay = items.find((i) => i.id === 'bay');
    expect(bay).toMatchObject({ level: 3, parentId: 'logi', posInSet: 2, setSize: 2, hasChildren: false, expanded: false });
    expect(items[0]).toMatchObject({ level: 1, parentId: null, posInSet: 1, setSize: 1, hasChildren: true, expanded: true });
    // a leaf is never "expanded", even if its id is in the set
    expect(visibleItems(tree, new Set(['hd', 'food'])).find((i) => i.id === 'food')?.expanded).toBe(false);
  });

  it('lists every node depth first and finds the path down to one', () => {
    expect(allNodes(tree).map((n) => n.company.id)).toEqual(['hd', 'logi', 'ware', 'bay', 'food', 'svc', 'clean']);
    expect(pathTo(tree, 'clean')).toEqual(['hd', 'svc', 'clean']);
    expect(pathTo(tree, 'hd')).toEqual(['hd']);
    expect(pathTo(tree, 'nowhere')).toEqual([]);
  });

  it('opens a small group whole, a large one only down to the company asked for', () => {
    expect([...initialExpanded(tree)].sort()).toEqual(['hd', 'logi', 'svc']);
    const big = node(
      'root',
      'Big',
      Array.from({ length: 400 }, (_, i) => node(`c${i}`, `子会社${i}`, [node(`g${i}`, `孫会社${i}`)])),
    );
    expect([...initialExpanded(big)]).toEqual(['root']);
    expect([...initialExpanded(big, 'g7')].sort()).toEqual(['c7', 'root']);
  });
});

describe('the keys of the tree pattern', () => {
  const open = visibleItems(tree, new Set(['hd', 'logi']));

  it('moves up and down the visible items, and stops at the ends', () => {
    expect(keyMove(open, 'logi', 'ArrowDown')).toEqual({ focus: 'ware' });
    expect(keyMove(open, 'bay', 'ArrowDown')).toEqual({ focus: 'food' });
    expect(keyMove(open, 'svc', 'ArrowDown')).toBeNull();
    expect(keyMove(open, 'food', 'ArrowUp')).toEqual({ focus: 'bay' });
    expect(keyMove(open, 'hd', 'ArrowUp')).toBeNull();
    expect(keyMove(open, 'ware', 'Home')).toEqual({ focus: 'hd' });
    expect(keyMove(open, 'ware', 'End')).toEqual({ focus: 'svc' });
  });

  it('right opens a closed item, then goes to its first child; on a leaf it does nothing', () => {
    expect(keyMove(open, 'svc', 'ArrowRight')).toEqual({ expand: ['svc'] });
    expect(keyMove(open, 'logi', 'ArrowRight')).toEqual({ focus: 'ware' });
    expect(keyMove(open, 'food', 'ArrowRight')).toBeNull();
  });

  it('left closes an open item, else goes to the parent; on the closed root it does nothing', () => {
    expect(keyMove(open, 'logi', 'ArrowLeft')).toEqual({ collapse: 'logi' });
    expect(keyMove(open, 'bay', 'ArrowLeft')).toEqual({ focus: 'logi' });
    expect(keyMove(open, 'svc', 'ArrowLeft')).toEqual({ focus: 'hd' });
    expect(keyMove(visibleItems(tree, new Set()), 'hd', 'ArrowLeft')).toBeNull();
  });

  it('* opens every closed sibling that has children', () => {
    expect(keyMove(open, 'food', '*')).toEqual({ expand: ['svc'] });
    expect(keyMove(visibleItems(tree, new Set(['hd', 'logi', 'svc'])), 'food', '*')).toBeNull();
  });

  it('a character goes to the next item whose name starts with it, leaving 株式会社 aside and reading katakana as hiragana', () => {
    expect(keyMove(open, 'hd', 'べ')).toEqual({ focus: 'bay' });
    expect(keyMove(open, 'hd', 'ベ')).toEqual({ focus: 'bay' });
    // from みなと物流, the next み is みなと倉庫; from the last み it wraps round to the parent
    expect(keyMove(open, 'logi', 'み')).toEqual({ focus: 'ware' });
    expect(keyMove(open, 'food', 'み')).toEqual({ focus: 'hd' });
    expect(keyMove(open, 'hd', 'x')).toBeNull();
    expect(keyMove(open, 'hd', 'Tab')).toBeNull();
    expect(keyMove(open, 'hd', ' ')).toBeNull();
  });

  it('an unknown current item falls back to the first', () => {
    expect(keyMove(open, 'gone', 'ArrowDown')).toEqual({ focus: 'hd' });
  });

  it('applies expansions to a new set', () => {
    const before = new Set(['hd']);
    expect([...applyExpansion(before, { expand: ['logi', 'svc'] })]).toEqual(['hd', 'logi', 'svc']);
    expect([...applyExpansion(before, { collapse: 'hd' })]).toEqual([]);
    expect([...before]).toEqual(['hd']);
    expect(nameKey('(株)ミナト')).toBe('みなと');
    expect(nameKey('㈱ミナト')).toBe('みなと');
  });
});
