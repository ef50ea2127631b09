using K8sLandscape.Model;
using K8sLandscape.Model.Ingress;

namespace K8sLandscape.Discovery;

/// <summary>Reads IngressClasses and GatewayClasses into the ingress surface.</summary>
internal static class IngressDiscovery
{
    public static IngressSurface Build(LandscapeContext context)
    {
        var objects = context.Objects;
        var ingress = objects.OfKind("networking.k8s.io", "IngressClass").Concat(objects.OfKind("extensions", "IngressClass"))
            .OrderBy(o => o.Location).DistinctBy(o => o.Ref)
            .Select(o => new IngressClassInfo(
                o,
                o.GetString("spec.controller"),
                o.Annotations.TryGetValue(IngressClassInfo.DefaultAnnotation, out var v) && string.Equals(v, "true", StringComparison.Ordinal)))
            .ToArray();
        var gateway = objects.OfKind("gateway.networking.k8s.io", "GatewayClass")
            .OrderBy(o => o.Location).DistinctBy(o => o.Ref)
            .Select(o => new GatewayClassInfo(o, o.GetString("spec.controllerName")))
            .ToArray();
        return new IngressSurface(ingress, gateway);
    }
}
