import type { FrameworkContent } from '../../library-content.js';

/**
 * What a round trip must preserve, node by node in order: identity, place in the tree, and the flags an
 * assessment depends on. Tests compare these rather than whole objects, since formats differ in what else
 * they carry (OSCAL has no typical evidence, Rampart no OSCAL parameters outside `extra`).
 */
export function treeShape(framework: FrameworkContent | undefined) {
  return (framework?.nodes ?? []).map((node) => ({
    urn: node.urn,
    refId: node.refId ?? null,
    name: node.name ?? null,
    parentUrn: node.parentUrn ?? null,
    assessable: node.assessable,
    implementationGroups: node.implementationGroups ?? [],
    withdrawn: node.withdrawn ?? false,
  }));
}

/** The same shape with URNs replaced by ref ids, for formats that mint their own URNs on import (OSCAL). */
export function treeShapeByRefId(framework: FrameworkContent | undefined) {
  const refOf = new Map((framework?.nodes ?? []).map((node) => [node.urn, node.refId ?? null]));
  return treeShape(framework).map(({ urn: _urn, parentUrn, ...rest }) => ({
    ...rest,
    parentRefId: parentUrn ? (refOf.get(parentUrn) ?? null) : null,
  }));
}
