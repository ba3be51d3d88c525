import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { formatDate, formatNumber } from '../../platform/format/format';
import { AnchorLink } from './AnchorLink';
import { applyExpansion, initialExpanded, keyMove, visibleItems } from './group-tree';
import { formatRate, STATUS_COLORS, votingShareText } from './group-format';
import type { GroupNode } from './model';
import './group-tree.css';

interface Props {
  root: GroupNode;
  /** The company the page is about: its item is marked, opened down to, and focused first. */
  focusId?: string;
  /** What the tree is, for its accessible name (「みなとホールディングスの企業グループ」). */
  label: string;
  /** 「事業所として登録」 on unorganized companies without a prospect; absent for roles that may not create prospects. */
  onRegister?: (node: GroupNode) => void;
  /** The company whose registration is being sent. */
  registering?: string;
  /** Enter on an item, or a click on its name: the company's page. */
  companyPath?: (companyId: string) => void;
}

const itemId = (id: string) => `group-item-${id}`;
const nameId = (id: string) => `group-name-${id}`;

/**
 * The group as a tree (WAI-ARIA tree pattern): one tab stop, ↑↓ move, → opens or enters, ←
 * closes or goes up, Home/End, `*` opens the siblings, a character jumps by name. Each item is
 * named by its company, and shows its badge (連合加盟・他労組・未組織・不明), members and
 * employees, organization rate, unions, and the prospect's stage and last visit, or
 * 「事業所として登録」. The buttons of the focused item are reached with Tab.
 */
export function GroupTree({ root, focusId, label, onRegister, registering, companyPath }: Props) {
  const [expanded, setExpanded] = useState(() => initialExpanded(root, focusId));
  const [active, setActive] = useState(focusId ?? root.company.id);
  const moved = useRef(false);
  const items = useMemo(() => visibleItems(root, expanded), [root, expanded]);

  // the active item must be visible (a collapse above it, or a new tree, moves it up)
  useEffect(() => {
    if (!items.some((i) => i.id === active)) setActive(items[0].id);
  }, [items, active]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    document.getElementById(itemId(active))?.focus();
  }, [active, items]);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      if (companyPath) {
        event.preventDefault();
        companyPath(id);
      }
      return;
    }
    const move = keyMove(items, id, event.key);
    if (!move) return;
    event.preventDefault();
    if ('focus' in move) {
      moved.current = true;
      setActive(move.focus);
    } else setExpanded((current) => applyExpansion(current, move));
  };

  const toggle = (id: string) => setExpanded((current) => applyExpansion(current, current.has(id) ? { collapse: id } : { expand: [id] }));

  const render = (node: GroupNode, level: number, posInSet: number, setSize: number): ReactNode => {
    const id = node.company.id;
    const hasChildren = node.children.length > 0;
    const open = hasChildren && expanded.has(id);
    const isActive = id === active;
    return (
      <li
        key={id}
        id={itemId(id)}
        role="treeitem"
        aria-labelledby={nameId(id)}
        aria-level={level}
        aria-posinset={posInSet}
        aria-setsize={setSize}
        aria-expanded={hasChildren ? open : undefined}
        aria-current={id === focusId ? 'page' : undefined}
        tabIndex={isActive ? 0 : -1}
        className="group-tree__item"
        data-status={node.status}
        onKeyDown={(e) => onKeyDown(e, id)}
        onFocus={(e) => {
          if (e.target === e.currentTarget) setActive(id);
        }}
      >
        <div className="group-tree__row" style={{ paddingInlineStart: `calc(${level - 1} * 1.5rem + 0.25rem)` }}>
          <span
            className="group-tree__toggle"
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              if (hasChildren) toggle(id);
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <ItemContent node={node} nameId={nameId(id)} tabbable={isActive} onRegister={onRegister} registering={registering === id} companyPath={companyPath} />
        </div>
        {open && (
          <ul role="group" className="group-tree__group">
            {node.children.map((child, i) => render(child, level + 1, i + 1, node.children.length))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label={label} className="group-tree">
      {render(root, 1, 1, 1)}
    </ul>
  );
}

interface ItemProps {
  node: GroupNode;
  nameId: string;
  tabbable: boolean;
  onRegister?: (node: GroupNode) => void;
  registering: boolean;
  companyPath?: (companyId: string) => void;
}

function ItemContent({ node, nameId, tabbable, onRegister, registering, companyPath }: ItemProps) {
  const tabIndex = tabbable ? 0 : -1;
  const { company, relation, prospect } = node;
  const share = relation ? votingShareText(relation.votingShare) : '';
  return (
    <div className="group-tree__content">
      <Group gap="xs" wrap="wrap">
        <Text
          span
          fw={700}
          id={nameId}
          className={companyPath ? 'group-tree__name' : undefined}
          onClick={companyPath ? () => companyPath(company.id) : undefined}
          style={{ overflowWrap: 'anywhere' }}
        >
          {company.name}
        </Text>
        <Badge variant="light" color={STATUS_COLORS[node.status]} c="var(--mantine-color-black)" className="group-tree__badge">
          {node.statusLabel}
        </Badge>
        {relation && (
          <Text span size="xs" c="dimmed">
            {relation.kindLabel}
            {share && `・議決権 ${share}`}
          </Text>
        )}
        {company.municipality && (
          <Text span size="xs" c="dimmed">
            {[company.prefecture, company.municipality].filter(Boolean).join('')}
          </Text>
        )}
      </Group>
      <Text size="sm">
        組合員 {formatNumber(node.organizedMembers)}人・従業員 {node.employees === null ? '不明' : `${formatNumber(node.employees)}人`}・組織率{' '}
        {formatRate(node.organizationRate)}
        {node.unions.length > 0 && `・${node.unions.map((u) => `${u.name}(${formatNumber(u.members)}人)`).join('、')}`}
      </Text>
      {prospect ? (
        <Text size="sm">
          事業所: <strong>{prospect.stageLabel}</strong>・最終訪問 {prospect.lastVisitOn ? formatDate(prospect.lastVisitOn) : 'なし'}{' '}
          <AnchorLink to="/prospects/$id" params={{ id: prospect.id }} tabIndex={tabIndex} size="sm">
            事業所を開く
          </AnchorLink>
        </Text>
      ) : (
        onRegister &&
        node.status === 'unorganized' && (
          <div>
            <Button size="compact-sm" variant="light" tabIndex={tabIndex} loading={registering} onClick={() => onRegister(node)}>
              事業所として登録
            </Button>
          </div>
        )
      )}
    </div>
  );
}
