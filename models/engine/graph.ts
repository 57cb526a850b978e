/**
 * Dependency ordering. `topoOrder` returns the nodes so that every node comes after the nodes it depends on,
 * keeping the given order where dependencies allow. A cycle is reported as the list of nodes in the loop.
 */
export type TopoResult = { ok: true; order: number[] } | { ok: false; cycle: number[] };

/** `deps[i]` lists the nodes that node i reads. Nodes are visited in the order of `nodes`. */
export function topoOrder(nodes: readonly number[], deps: (node: number) => readonly number[]): TopoResult {
  const state = new Map<number, 1 | 2>(); // 1: on the DFS path, 2: done
  const order: number[] = [];
  const cache = new Map<number, readonly number[]>();
  const depsOf = (node: number): readonly number[] => {
    let ds = cache.get(node);
    if (!ds) {
      ds = deps(node);
      cache.set(node, ds);
    }
    return ds;
  };
  for (const root of nodes) {
    if (state.get(root) === 2) continue;
    // Iterative DFS: stack of [node, next dependency index].
    const path: number[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top];
      const ds = depsOf(node);
      if (next[top] < ds.length) {
        const d = ds[next[top]++];
        const st = state.get(d);
        if (st === 2) continue;
        if (st === 1) return { ok: false, cycle: path.slice(path.indexOf(d)) };
        state.set(d, 1);
        path.push(d);
        next.push(0);
      } else {
        state.set(node, 2);
        order.push(node);
        path.pop();
        next.pop();
      }
    }
  }
  return { ok: true, order };
}
