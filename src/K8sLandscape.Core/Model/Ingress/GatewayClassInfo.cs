using K8sLandscape.Loading;

namespace K8sLandscape.Model.Ingress;

/// <summary>A Gateway API GatewayClass.</summary>
/// <param name="Object">The GatewayClass object.</param>
/// <param name="ControllerName">Its <c>spec.controllerName</c>, or null.</param>
public sealed record GatewayClassInfo(KubeObject Object, string? ControllerName)
{
    /// <summary>The class name.</summary>
    public string Name => Object.Name;
}
