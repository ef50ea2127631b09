namespace K8sLandscape.Model.Lifecycle;

/// <summary>An API a ClusterServiceVersion owns or requires (<c>spec.customresourcedefinitions</c> or <c>spec.apiservicedefinitions</c>).</summary>
/// <param name="Name">The resource name: the CRD name (<c>kafkas.kafka.strimzi.io</c>) or an API service's plural.</param>
/// <param name="Group">The group (for API services; for CRDs taken from the name).</param>
/// <param name="Version">The version.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Path">The field path.</param>
public sealed record CsvApiDescription(string Name, string Group, string Version, string Kind, string Path);
