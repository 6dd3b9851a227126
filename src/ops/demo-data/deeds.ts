import { DEED_TEMPLATES, type DeedTemplate } from './catalog';
import { formatInstant } from './clock';
import { clampInstant, type GenerationContext } from './generation';
import type { Random } from './random';
import type { RowBatch } from './tables';

/** One scale version of a demo deed: its value ids in order 1..n, in use from `fromDay` on. */
export interface DemoScale {
  scaleId: number;
  valueIds: number[];
  fromDay: number;
}

export interface DemoItem {
  id: number;
  name: string;
  level: number;
  isLeaf: boolean;
}

export interface DemoDeed {
  id: number;
  template: DeedTemplate;
  items: DemoItem[];
  /** SCALE deeds: versions oldest first, the last one active. Empty for COUNT deeds. */
  scales: DemoScale[];
  /** Leaves the user records, each with its daily chance on an active day. */
  tracked: Array<{ itemId: number; chance: number }>;
}

export interface DemoOwner {
  id: number;
  /** Account creation (seconds). */
  createdAt: number;
  /** Day the account was created. */
  joinDay: number;
}

interface TreeNode {
  name: string;
  children: TreeNode[];
}

const parsedTrees = new Map<DeedTemplate, TreeNode[]>();

/** The template's indented tree (two spaces per level) as nodes. */
function templateTree(template: DeedTemplate): TreeNode[] {
  let roots = parsedTrees.get(template);
  if (roots) return roots;
  roots = [];
  const path: TreeNode[] = [];
  for (const line of template.tree.split('\n')) {
    if (line.trim() === '') continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const node: TreeNode = { name: line.trim(), children: [] };
    if (depth === 0) roots.push(node);
    else path[depth - 1]!.children.push(node);
    path[depth] = node;
    path.length = depth + 1;
  }
  parsedTrees.set(template, roots);
  return roots;
}

const HASANAAT = DEED_TEMPLATES.filter((t) => t.category === 'HASANAAT');
const SAIYYIAAT = DEED_TEMPLATES.filter((t) => t.category === 'SAIYYIAAT');

/** 2–4 good deeds and 1–3 bad ones, always at least one SCALE and one COUNT deed. */
function chooseTemplates(rng: Random): DeedTemplate[] {
  const chosen = [...rng.sample(HASANAAT, rng.int(2, 4)), ...rng.sample(SAIYYIAAT, rng.int(1, 3))];
  for (const measure of ['SCALE', 'COUNT'] as const) {
    if (!chosen.some((t) => t.measure === measure)) {
      chosen.push(rng.pick(DEED_TEMPLATES.filter((t) => t.measure === measure && !chosen.includes(t))));
    }
  }
  return rng.sample(chosen, chosen.length);
}

/** The user's deeds with their item trees and scales, written into `batch`. */
export function generateDeeds(ctx: GenerationContext, rng: Random, owner: DemoOwner, batch: RowBatch): DemoDeed[] {
  return chooseTemplates(rng).map((template, order) => {
    const createdAt = clampInstant(ctx, owner.createdAt + 300 + order * 120 + rng.int(0, 90));
    const at = formatInstant(createdAt);
    const deedId = ctx.ids.next('deeds');
    batch.add('deeds', [
      deedId, owner.id, template.name, template.description, template.category, template.measure,
      !rng.chance(0.04), order, at, at,
    ]);
    const items = generateItems(ctx, rng, deedId, templateTree(template), at, batch);
    const scales = template.measure === 'SCALE' ? generateScales(ctx, rng, deedId, template, owner, createdAt, batch) : [];
    return { id: deedId, template, items, scales, tracked: chooseTracked(rng, template, items) };
  });
}

/** Keeps most of the template's tree (never an empty one), pruning some branches per user. */
function generateItems(
  ctx: GenerationContext,
  rng: Random,
  deedId: number,
  roots: TreeNode[],
  at: string,
  batch: RowBatch,
): DemoItem[] {
  const items: DemoItem[] = [];
  const visit = (nodes: TreeNode[], parentId: number | null, level: number): void => {
    const kept = nodes.filter((_, index) => (level === 1 && index === 0) || !rng.chance(level === 1 ? 0.1 : 0.18));
    kept.forEach((node, order) => {
      const id = ctx.ids.next('deed_items');
      batch.add('deed_items', [id, deedId, parentId, node.name, level, order, at, at]);
      const item: DemoItem = { id, name: node.name, level, isLeaf: true };
      items.push(item);
      const before = items.length;
      visit(node.children, id, level + 1);
      item.isLeaf = items.length === before;
    });
  };
  visit(roots, null, 1);
  return items;
}

/**
 * Every scale version of the template when the user switched scales during the window
 * (the old one inactive), otherwise only the newest one as version 1.
 */
function generateScales(
  ctx: GenerationContext,
  rng: Random,
  deedId: number,
  template: DeedTemplate,
  owner: DemoOwner,
  createdAt: number,
  batch: RowBatch,
): DemoScale[] {
  const versions = template.scales!;
  const switchDay = ctx.firstDay + rng.int(Math.floor(ctx.days * 0.3), Math.floor(ctx.days * 0.7));
  const switched = versions.length > 1 && switchDay > owner.joinDay + 1 && rng.chance(0.4);
  const used = switched ? versions : versions.slice(-1);
  return used.map((version, index) => {
    const active = index === used.length - 1;
    const fromDay = index === 0 ? Number.NEGATIVE_INFINITY : switchDay;
    const at = formatInstant(index === 0 ? createdAt : clampInstant(ctx, switchDay * 86_400 + rng.int(6, 20) * 3600));
    const scaleId = ctx.ids.next('scales');
    batch.add('scales', [scaleId, deedId, index + 1, version.name, active, at, at]);
    const valueIds = version.labels.map((label, order) => {
      const valueId = ctx.ids.next('scale_values');
      batch.add('scale_values', [valueId, scaleId, label, order + 1, at, at]);
      return valueId;
    });
    return { scaleId, valueIds, fromDay };
  });
}

/** About half the leaves, at least one per deed, each with its own habit strength. */
function chooseTracked(rng: Random, template: DeedTemplate, items: DemoItem[]): DemoDeed['tracked'] {
  const leaves = items.filter((item) => item.isLeaf);
  const tracked = leaves.filter(() => rng.chance(0.45));
  if (tracked.length === 0) tracked.push(rng.pick(leaves));
  const [low, high] = template.frequency;
  return tracked.map((item) => ({ itemId: item.id, chance: rng.float(low, high) }));
}
