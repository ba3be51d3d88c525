import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { GroupTree } from './GroupTree';
import type { Company, CompanyStatus, GroupNode } from './model';

const STATUS_LABELS = { affiliated: '連合加盟', other_union: '他労組', unorganized: '未組織', unknown: '不明' } as const;

const company = (id: string, name: string, status: CompanyStatus): Company => ({
  id,
  name,
  status,
  statusLabel: status,
  industryCode: null,
  industryLabel: null,
  unionPresence: status === 'other_union' ? 'other_union' : status === 'unknown' ? 'unknown' : 'none',
  corporateNumber: null,
  edinetCode: null,
  nameKana: null,
  nameNormalized: name,
  prefecture: '神奈川県',
  municipality: null,
  employees: null,
  listed: null,
  otherUnionName: null,
  version: 1,
  createdAt: '2026-04-01T00:00:00Z',
  updatedAt: '2026-04-01T00:00:00Z',
});

const node = (id: string, name: string, status: CompanyStatus, children: GroupNode[] = [], figures: Partial<GroupNode> = {}): GroupNode => ({
  company: company(id, name, status),
  relation:
    id === 'hd'
      ? null
      : {
          id: `r-${id}`,
          kind: 'consolidated_subsidiary',
          kindLabel: '連結子会社',
          confidence: 'high',
          votingShare: 100,
          startOn: null,
          endOn: null,
          source: null,
        },
  depth: 0,
  unions: [],
  prospect: null,
  employees: 1200,
  organizedMembers: 0,
  organizationRate: 0,
  status,
  statusLabel: STATUS_LABELS[status],
  children,
  ...figures,
});

const tree = node(
  'hd',
  'みなとホールディングス株式会社',
  'affiliated',
  [node('logi', '株式会社みなと物流', 'unorganized', [node('ware', 'みなと倉庫株式会社', 'unknown')]), node('food', 'みなと食品株式会社', 'other_union')],
  {
    organizedMembers: 30795,
    employees: 40000,
    organizationRate: 0.7699,
    unions: [{ id: 'u1', name: 'みなと労組', federationId: 'f1', federationName: 'UAゼンセン', members: 30795 }],
  },
);

function render(props: Partial<Parameters<typeof GroupTree>[0]> = {}): string {
  return renderToStaticMarkup(createElement(MantineProvider, null, createElement(GroupTree, { root: tree, label: 'みなとグループ', ...props })));
}

/** The opening tag of each tree item, in document order, as attribute maps. */
function items(html: string): Record<string, string>[] {
  return [...html.matchAll(/<li ([^>]*role="treeitem"[^>]*)>/g)].map(([, attrs]) =>
    Object.fromEntries([...attrs.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
  );
}

describe('the group tree as rendered', () => {
  it('is a tree named for the group, each item at its level and place, expanded where it has children, one tab stop', () => {
    const html = render();
    expect(html).toMatch(/<ul role="tree" aria-label="みなとグループ"/);
    const rendered = items(html);
    expect(rendered.map((i) => [i.id, i['aria-level'], i['aria-posinset'], i['aria-setsize'], i['aria-expanded']])).toEqual([
      ['group-item-hd', '1', '1', '1', 'true'],
      ['group-item-logi', '2', '1', '2', 'true'],
      ['group-item-ware', '3', '1', '1', undefined],
      ['group-item-food', '2', '2', '2', undefined],
    ]);
    expect(rendered.filter((i) => i.tabindex === '0').map((i) => i.id)).toEqual(['group-item-hd']);
    expect(html.match(/role="group"/g)).toHaveLength(2);
  });

  it('names each item by its company alone, and shows its badge and figures in Japanese', () => {
    const html = render();
    for (const item of items(html)) {
      const nameId = item['aria-labelledby'];
      expect(nameId).toBeTruthy();
      expect(html).toMatch(new RegExp(`id="${nameId}"[^>]*>[^<]+</span>`));
    }
    expect(html).toMatch(/id="group-name-logi"[^>]*>株式会社みなと物流</);
    for (const badge of ['連合加盟', '他労組', '未組織', '不明']) expect(html).toContain(`>${badge}<`);
    expect(html).toContain('組合員 30,795人・従業員 40,000人・組織率 77.0%');
    expect(html).toContain('みなと労組(30,795人)');
    expect(html).toContain('連結子会社・議決権 100.0%');
  });

  it('offers 「事業所として登録」 on unorganized companies only, and only when the role may register', () => {
    expect(render().match(/事業所として登録/g)).toBeNull();
    const html = render({ onRegister: () => undefined });
    expect(html.match(/事業所として登録/g)).toHaveLength(1);
    // the focused item's controls are reached with Tab; the others' are not tab stops
    expect(html).toMatch(/<button[^>]*tabindex="-1"[^>]*>(?:(?!<\/button>).)*事業所として登録/);
  });

  it('opens a company deep in a large group down to it, and marks and focuses it', () => {
    const html = render({ focusId: 'ware' });
    const ware = items(html).find((i) => i.id === 'group-item-ware');
    expect(ware).toMatchObject({ 'aria-current': 'page', tabindex: '0' });
    expect(items(html).filter((i) => i.tabindex === '0')).toHaveLength(1);
  });
});
