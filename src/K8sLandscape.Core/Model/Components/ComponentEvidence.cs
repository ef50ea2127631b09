using K8sLandscape.Loading;

namespace K8sLandscape.Model;

/// <summary>One reason a component was recognized: an object and the fingerprint it matched.</summary>
/// <param name="Object">The object that carries the fingerprint.</param>
/// <param name="Fingerprint">Which fingerprint matched: <c>image</c>, <c>crdGroup</c>, <c>crd</c>, <c>workload</c>, <c>csiDriver</c>, <c>provisioner</c>, <c>extendedResource</c>, <c>draDriver</c>, <c>webhook</c>, <c>cniType</c>, <c>runtimeEngine</c>, <c>runtimeHandler</c>, <c>ingressController</c>, <c>gatewayController</c>, <c>scheduler</c>, <c>label</c>, <c>olmPackage</c>.</param>
/// <param name="Value">The value that matched, e.g. the image or the CRD group.</param>
public sealed record ComponentEvidence(KubeObject Object, string Fingerprint, string Value);
