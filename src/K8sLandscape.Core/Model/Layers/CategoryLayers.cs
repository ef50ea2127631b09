
namespace K8sLandscape.Model.Layers;

/// <summary>
/// The layer of custom resources served by a component of a catalog category: infrastructure
/// plugins are resources, schedulers and autoscalers schedule, policy/mesh/certificates/secrets/
/// routing control isolation and service access, and operators and app platforms are application.
/// </summary>
public static class CategoryLayers
{
    private static readonly Dictionary<string, ResourceLayer> Map = new(StringComparer.Ordinal)
    {
        [ComponentCategories.ContainerRuntime] = ResourceLayer.Resource,
        [ComponentCategories.Cni] = ResourceLayer.Resource,
        [ComponentCategories.CsiDriver] = ResourceLayer.Resource,
        [ComponentCategories.DevicePlugin] = ResourceLayer.Resource,
        [ComponentCategories.DraDriver] = ResourceLayer.Resource,
        [ComponentCategories.Distribution] = ResourceLayer.Resource,

        // Backups protect volumes and cluster state: storage, hence the resource layer.
        [ComponentCategories.Backup] = ResourceLayer.Resource,
        [ComponentCategories.Scheduler] = ResourceLayer.Scheduling,
        [ComponentCategories.Autoscaling] = ResourceLayer.Scheduling,
        [ComponentCategories.PolicyEngine] = ResourceLayer.IsolationAndServiceAccess,
        [ComponentCategories.ServiceMesh] = ResourceLayer.IsolationAndServiceAccess,
        [ComponentCategories.CertificateManager] = ResourceLayer.IsolationAndServiceAccess,
        [ComponentCategories.Secrets] = ResourceLayer.IsolationAndServiceAccess,
        [ComponentCategories.GatewayApi] = ResourceLayer.IsolationAndServiceAccess,
        [ComponentCategories.IngressController] = ResourceLayer.IsolationAndServiceAccess,
        [ComponentCategories.Security] = ResourceLayer.IsolationAndServiceAccess,

        // Load balancers, DNS and address management build the network base; cluster add-ons
        // (metrics, dashboards, node feature discovery) extend the base platform.
        [ComponentCategories.Networking] = ResourceLayer.Resource,
        [ComponentCategories.ClusterAddon] = ResourceLayer.Resource,
        [ComponentCategories.Operator] = ResourceLayer.Application,
        [ComponentCategories.LifecycleManager] = ResourceLayer.Application,
        [ComponentCategories.Workflow] = ResourceLayer.Application,
        [ComponentCategories.Serverless] = ResourceLayer.Application,
        [ComponentCategories.GitOps] = ResourceLayer.Application,

        // ServiceMonitors and alert rules describe how an application is observed.
        [ComponentCategories.Monitoring] = ResourceLayer.Application,
    };

    /// <summary>The layer for a category, or null for a category the library does not know (user-defined).</summary>
    public static ResourceLayer? For(string category) => Map.TryGetValue(category, out var layer) ? layer : null;
}
