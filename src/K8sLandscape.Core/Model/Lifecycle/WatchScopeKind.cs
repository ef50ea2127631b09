namespace K8sLandscape.Model.Lifecycle;

/// <summary>Which namespaces an operator watches.</summary>
public enum WatchScopeKind
{
    /// <summary>Not stated in the workload.</summary>
    Unknown,

    /// <summary>Every namespace (an empty or <c>*</c> value).</summary>
    AllNamespaces,

    /// <summary>Its own namespace (the value comes from the pod's <c>metadata.namespace</c>).</summary>
    OwnNamespace,

    /// <summary>The listed namespaces.</summary>
    Namespaces,

    /// <summary>The namespaces its OLM OperatorGroup targets (from the <c>olm.targetNamespaces</c> annotation).</summary>
    OperatorGroup,
}
