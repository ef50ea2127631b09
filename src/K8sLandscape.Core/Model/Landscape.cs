using K8sLandscape.Loading;
using K8sLandscape.Model.Admission;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Devices;
using K8sLandscape.Model.Layers;
using K8sLandscape.Model.Lifecycle;
using K8sLandscape.Model.Network;
using K8sLandscape.Model.Runtime;
using K8sLandscape.Model.Storage;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Model;

/// <summary>
/// The immutable map of a cluster's extension surface: every object, indexed; the catalog
/// components recognized in them; and one typed surface per area. Useful on its own as an
/// inventory, and what every analyzer reads. <see cref="Discovery.LandscapeDiscovery"/> builds it; the
/// <c>Build</c> methods here forward to it.
/// </summary>
public sealed class Landscape
{
    internal Landscape(
        ObjectIndex objects,
        IReadOnlyList<Workload> workloads,
        ComponentCatalog catalog,
        IReadOnlyList<RecognizedComponent> components,
        KubernetesVersion kubernetesVersion,
        IReadOnlyList<LoadDiagnostic> loadDiagnostics,
        RuntimeSurface runtime,
        NetworkSurface network,
        StorageSurface storage,
        DeviceSurface devices,
        ApiSurface api,
        AdmissionSurface admission,
        LifecycleSurface lifecycle,
        LayerMap layers,
        Scheduling.SchedulingSurface scheduling,
        Ingress.IngressSurface ingress)
    {
        Objects = objects;
        Workloads = workloads;
        Catalog = catalog;
        Components = components;
        KubernetesVersion = kubernetesVersion;
        LoadDiagnostics = loadDiagnostics;
        Runtime = runtime;
        Network = network;
        Storage = storage;
        Devices = devices;
        Api = api;
        Admission = admission;
        Lifecycle = lifecycle;
        Layers = layers;
        Scheduling = scheduling;
        Ingress = ingress;
        ExtensionPoints = Runtime.ExtensionPoints
            .Concat(Network.ExtensionPoints)
            .Concat(Storage.ExtensionPoints)
            .Concat(Devices.ExtensionPoints)
            .Concat(Api.ExtensionPoints)
            .Concat(Admission.ExtensionPoints)
            .Concat(Lifecycle.ExtensionPoints)
            .ToArray();
    }

    /// <summary>The scheduling layer: PriorityClasses, schedulers and the workloads asking for one.</summary>
    public Scheduling.SchedulingSurface Scheduling { get; }

    /// <summary>IngressClasses and GatewayClasses with their controllers and defaults.</summary>
    public Ingress.IngressSurface Ingress { get; }

    /// <summary>Every object, indexed.</summary>
    public ObjectIndex Objects { get; }

    /// <summary>Every object that runs pods, with its pod template read.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>The catalog used to recognize components.</summary>
    public ComponentCatalog Catalog { get; }

    /// <summary>Catalog components found in the input, sorted by id.</summary>
    public IReadOnlyList<RecognizedComponent> Components { get; }

    /// <summary>The Kubernetes version API versions are judged against.</summary>
    public KubernetesVersion KubernetesVersion { get; }

    /// <summary>Problems met while loading the input (carried so one report holds everything).</summary>
    public IReadOnlyList<LoadDiagnostic> LoadDiagnostics { get; }

    /// <summary>Container runtimes (CRI), runtime handlers, RuntimeClasses.</summary>
    public RuntimeSurface Runtime { get; }

    /// <summary>Network plugins (CNI).</summary>
    public NetworkSurface Network { get; }

    /// <summary>Storage (CSI drivers, StorageClasses, snapshots).</summary>
    public StorageSurface Storage { get; }

    /// <summary>Device plugins and DRA.</summary>
    public DeviceSurface Devices { get; }

    /// <summary>CRDs, aggregated APIs and the built-in API.</summary>
    public ApiSurface Api { get; }

    /// <summary>Admission webhooks and policies.</summary>
    public AdmissionSurface Admission { get; }

    /// <summary>Helm releases, operators, OLM, OAM/KubeVela.</summary>
    public LifecycleSurface Lifecycle { get; }

    /// <summary>The resource layer of every kind present.</summary>
    public LayerMap Layers { get; }

    /// <summary>Every extension point of every area, in area order.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; }

    /// <summary>Builds a landscape from a load result (its diagnostics are carried along); see <see cref="Discovery.LandscapeDiscovery"/>.</summary>
    public static Landscape Build(LoadResult load, LandscapeOptions? options = null) => Discovery.LandscapeDiscovery.Build(load, options);

    /// <summary>Builds a landscape from objects, for example ones created in code; see <see cref="Discovery.LandscapeDiscovery"/>.</summary>
    public static Landscape Build(IEnumerable<KubeObject> objects, LandscapeOptions? options = null, IReadOnlyList<LoadDiagnostic>? loadDiagnostics = null) =>
        Discovery.LandscapeDiscovery.Build(objects, options, loadDiagnostics);
}
