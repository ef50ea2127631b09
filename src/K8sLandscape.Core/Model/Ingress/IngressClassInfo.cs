using K8sLandscape.Loading;

namespace K8sLandscape.Model.Ingress;

/// <summary>An IngressClass.</summary>
/// <param name="Object">The IngressClass object.</param>
/// <param name="Controller">Its <c>spec.controller</c>, or null.</param>
/// <param name="IsDefault">Whether it carries <c>ingressclass.kubernetes.io/is-default-class: "true"</c>.</param>
public sealed record IngressClassInfo(KubeObject Object, string? Controller, bool IsDefault)
{
    /// <summary>The annotation that marks the default IngressClass.</summary>
    public const string DefaultAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <summary>The class name.</summary>
    public string Name => Object.Name;
}
