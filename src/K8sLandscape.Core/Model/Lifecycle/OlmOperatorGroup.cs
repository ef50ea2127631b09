using K8sLandscape.Loading;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>An OLM OperatorGroup: which namespaces the operators installed in its namespace watch.</summary>
/// <param name="Object">The OperatorGroup object.</param>
/// <param name="TargetNamespaces"><c>spec.targetNamespaces</c>.</param>
/// <param name="Selector"><c>spec.selector</c>, or null.</param>
/// <param name="UpgradeStrategy"><c>spec.upgradeStrategy.name</c>, or null.</param>
public sealed record OlmOperatorGroup(KubeObject Object, IReadOnlyList<string> TargetNamespaces, LabelSelector? Selector, string? UpgradeStrategy)
{
    /// <summary>True when it targets all namespaces (no target namespaces and no selector).</summary>
    public bool IsAllNamespaces => TargetNamespaces.Count == 0 && Selector is null;
}
