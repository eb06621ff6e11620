import { OID } from '../cms/oids.js';
import type { ParsedCertificate } from './certificate.parser.js';

/**
 * Certificate policy processing of RFC 5280 §6.1 (valid_policy_tree, explicit_policy,
 * policy_mapping, inhibit_anyPolicy, the user-initial-policy-set and its intersection in the
 * wrap-up). `certs` runs from the certificate issued by the trust anchor down to the end entity.
 */
export interface PolicyOptions {
  /** user-initial-policy-set; empty or absent means any-policy. */
  readonly initialPolicySet?: readonly string[];
  readonly initialExplicitPolicy?: boolean;
  readonly initialPolicyMappingInhibit?: boolean;
  readonly initialAnyPolicyInhibit?: boolean;
}

export interface PolicyOutcome {
  /** Undefined when the path satisfies the policy constraints; otherwise the reason. */
  readonly problem?: string;
  /** Valid policies of the end entity (authorities-constrained, after the intersection). */
  readonly validPolicies: readonly string[];
}

const ANY = OID.anyPolicy;

interface PolicyNode {
  readonly validPolicy: string;
  expected: Set<string>;
  readonly parent?: PolicyNode;
  readonly children: PolicyNode[];
  readonly depth: number;
}

function addChild(parent: PolicyNode, validPolicy: string, expected: Iterable<string>): PolicyNode {
  const node: PolicyNode = {
    validPolicy,
    expected: new Set(expected),
    parent,
    children: [],
    depth: parent.depth + 1,
  };
  parent.children.push(node);
  return node;
}

function atDepth(root: PolicyNode, depth: number): PolicyNode[] {
  if (root.depth === depth) return [root];
  return root.children.flatMap((c) => atDepth(c, depth));
}

function remove(node: PolicyNode): void {
  const siblings = node.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(node), 1);
}

/** Deletes childless nodes above `depth`; returns undefined when the root itself goes. */
function prune(root: PolicyNode, depth: number): PolicyNode | undefined {
  for (let d = depth - 1; d >= 0; d--) {
    for (const n of atDepth(root, d)) if (n.children.length === 0 && n !== root) remove(n);
  }
  return depth > 0 && root.children.length === 0 ? undefined : root;
}

/** §6.1.3 (d): grows the tree by one level from the certificate's policies. */
function processPolicies(root: PolicyNode, i: number, policies: readonly string[], anyAllowed: boolean) {
  const parents = atDepth(root, i - 1);
  for (const p of policies.filter((x) => x !== ANY)) {
    const matching = parents.filter((n) => n.expected.has(p));
    const targets = matching.length > 0 ? matching : parents.filter((n) => n.validPolicy === ANY);
    for (const n of targets) addChild(n, p, [p]);
  }
  if (policies.includes(ANY) && anyAllowed) {
    for (const n of parents) {
      for (const e of n.expected) {
        if (!n.children.some((c) => c.validPolicy === e)) addChild(n, e, [e]);
      }
    }
  }
}

/** §6.1.4 (a)(b): applies policyMappings at depth i, or deletes mapped nodes when inhibited. */
function applyMappings(root: PolicyNode, i: number, c: ParsedCertificate, mappingAllowed: boolean): string {
  const mappings = c.policyMappings ?? [];
  if (mappings.some(([a, b]) => a === ANY || b === ANY)) return 'policy mapping to or from anyPolicy';
  const byIssuer = new Map<string, string[]>();
  for (const [a, b] of mappings) byIssuer.set(a, [...(byIssuer.get(a) ?? []), b]);
  for (const [idp, subjects] of byIssuer) {
    const nodes = atDepth(root, i).filter((n) => n.validPolicy === idp);
    if (!mappingAllowed) {
      for (const n of nodes) remove(n);
      continue;
    }
    if (nodes.length > 0) for (const n of nodes) n.expected = new Set(subjects);
    else {
      const any = atDepth(root, i).find((n) => n.validPolicy === ANY);
      if (any?.parent) addChild(any.parent, idp, subjects);
    }
  }
  return '';
}

/** Runs policy processing over `certs` (anchor side first). */
export function processCertificatePolicies(
  certs: readonly ParsedCertificate[],
  o: PolicyOptions,
): PolicyOutcome {
  const n = certs.length;
  let tree: PolicyNode | undefined = { validPolicy: ANY, expected: new Set([ANY]), children: [], depth: 0 };
  let explicit = o.initialExplicitPolicy ? 0 : n + 1;
  let inhibitAny = o.initialAnyPolicyInhibit ? 0 : n + 1;
  let mapping = o.initialPolicyMappingInhibit ? 0 : n + 1;
  for (const [k, c] of certs.entries()) {
    const i = k + 1;
    if (tree && c.policies) {
      processPolicies(tree, i, c.policies, inhibitAny > 0 || (i < n && c.isSelfIssued));
      tree = prune(tree, i);
    } else if (!c.policies) tree = undefined;
    if (explicit === 0 && !tree) {
      return { problem: `no acceptable certificate policy at ${c.subject}`, validPolicies: [] };
    }
    if (i === n) break;
    if (tree) {
      const bad = applyMappings(tree, i, c, mapping > 0);
      if (bad) return { problem: `${bad} (${c.subject})`, validPolicies: [] };
      tree = prune(tree, i);
    }
    if (!c.isSelfIssued) {
      if (explicit > 0) explicit--;
      if (mapping > 0) mapping--;
      if (inhibitAny > 0) inhibitAny--;
    }
    if (c.requireExplicitPolicy !== undefined) explicit = Math.min(explicit, c.requireExplicitPolicy);
    if (c.inhibitPolicyMapping !== undefined) mapping = Math.min(mapping, c.inhibitPolicyMapping);
    if (c.inhibitAnyPolicy !== undefined) inhibitAny = Math.min(inhibitAny, c.inhibitAnyPolicy);
  }
  if (explicit > 0) explicit--;
  if (certs.at(-1)?.requireExplicitPolicy === 0) explicit = 0;
  tree = tree ? intersect(tree, n, o.initialPolicySet ?? []) : undefined;
  const validPolicies = tree ? [...new Set(atDepth(tree, n).map((x) => x.validPolicy))] : [];
  if (explicit === 0 && !tree) {
    const wanted = o.initialPolicySet?.length ? o.initialPolicySet.join(', ') : 'any policy';
    return {
      problem: `certificate policies do not satisfy the required policy set (${wanted})`,
      validPolicies,
    };
  }
  return { validPolicies };
}

/** §6.1.5 (g): intersection of the tree with the user-initial-policy-set. */
function intersect(root: PolicyNode, n: number, initial: readonly string[]): PolicyNode | undefined {
  if (initial.length === 0 || initial.includes(ANY)) return root;
  const boundary: PolicyNode[] = [];
  const walk = (node: PolicyNode) => {
    for (const c of [...node.children]) {
      if (node.validPolicy === ANY) boundary.push(c);
      if (c.validPolicy === ANY) walk(c);
    }
  };
  walk(root);
  for (const node of boundary) {
    if (node.validPolicy !== ANY && !initial.includes(node.validPolicy)) remove(node);
  }
  const leafAny = atDepth(root, n).find((x) => x.validPolicy === ANY);
  if (leafAny?.parent) {
    const present = new Set(boundary.map((b) => b.validPolicy));
    for (const p of initial) if (!present.has(p)) addChild(leafAny.parent, p, leafAny.expected);
    remove(leafAny);
  }
  return prune(root, n);
}
