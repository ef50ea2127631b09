namespace K8sLandscape.Model.Api;

/// <summary>What makes a claim on an API name or group/version.</summary>
public enum ApiClaimantSource
{
    /// <summary>A CustomResourceDefinition in the input.</summary>
    CustomResourceDefinition,

    /// <summary>A resource built into kube-apiserver.</summary>
    BuiltIn,

    /// <summary>An APIService (aggregated, or local to kube-apiserver).</summary>
    ApiService,
}
