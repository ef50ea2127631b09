namespace K8sLandscape.Model.Ingress;

/// <summary>Ingress and Gateway API classes: what routes traffic in, and which controller each class names.</summary>
public sealed class IngressSurface
{
    internal IngressSurface(IReadOnlyList<IngressClassInfo> ingressClasses, IReadOnlyList<GatewayClassInfo> gatewayClasses)
    {
        IngressClasses = ingressClasses;
        GatewayClasses = gatewayClasses;
    }

    /// <summary>IngressClasses (<c>networking.k8s.io</c> and the old <c>extensions</c> group), one per identity, in location order.</summary>
    public IReadOnlyList<IngressClassInfo> IngressClasses { get; }

    /// <summary>GatewayClasses, one per identity, in location order.</summary>
    public IReadOnlyList<GatewayClassInfo> GatewayClasses { get; }

    /// <summary>IngressClasses marked default, in location order.</summary>
    public IReadOnlyList<IngressClassInfo> DefaultIngressClasses => IngressClasses.Where(c => c.IsDefault).ToArray();
}
