namespace K8sLandscape.Model.Api;

/// <summary>The names a CRD registers (<c>spec.names</c>); kubectl resolves every one of them.</summary>
/// <param name="Kind">The kind, e.g. <c>VirtualService</c>.</param>
/// <param name="Plural">The plural resource name, e.g. <c>virtualservices</c>.</param>
/// <param name="Singular">The singular name (defaults to the lowercased kind, as the API server does).</param>
/// <param name="ListKind">The list kind (defaults to <c>KindList</c>).</param>
/// <param name="ShortNames">Short names, e.g. <c>vs</c>.</param>
/// <param name="Categories">Categories, e.g. <c>all</c>, <c>istio-io</c>.</param>
public sealed record CrdNames(string Kind, string Plural, string Singular, string ListKind, IReadOnlyList<string> ShortNames, IReadOnlyList<string> Categories);
