using K8sLandscape.Catalog;
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
/// inventory, and what every analyzer reads.
/// </summary>
public sealed class Landscape
{
    private Landscape(LandscapeContext context, IReadOnlyList<LoadDiagnostic> loadDiagnostics)
    {
        Objects = context.Objects;
        Workloads = context.Workloads;
        Catalog = context.Catalog;
        Components = context.Components;
        KubernetesVersion = context.TargetVersion;
        LoadDiagnostics = loadDiagnostics;
        // The surfaces only read the context, so they are built side by side.
        RuntimeSurface? runtime = null;
        NetworkSurface? network = null;
        StorageSurface? storage = null;
        DeviceSurface? devices = null;
        ApiSurface? api = null;
        AdmissionSurface? admission = null;
        LifecycleSurface? lifecycle = null;
        LayerMap? layers = null;
        Scheduling.SchedulingSurface? scheduling = null;
        Ingress.IngressSurface? ingress = null;
        Parallel.Invoke(
            () => scheduling = Discovery.SchedulingDiscovery.Build(context),
            () => ingress = Discovery.IngressDiscovery.Build(context),
            () => lifecycle = LifecycleSurface.Build(context),
            () => devices = DeviceSurface.Build(context),
            () => network = NetworkSurface.Build(context),
            () => runtime = RuntimeSurface.Build(context),
            () => storage = StorageSurface.Build(context),
            () => api = ApiSurface.Build(context),
            () => admission = AdmissionSurface.Build(context),
            () => layers = LayerMap.Build(context));
        Runtime = runtime!;
        Network = network!;
        Storage = storage!;
        Devices = devices!;
        Api = api!;
        Admission = admission!;
        Lifecycle = lifecycle!;
        Layers = layers!;
        Scheduling = scheduling!;
        Ingress = ingress!;
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

    /// <summary>Builds a landscape from a load result (its diagnostics are carried along).</summary>
    public static Landscape Build(LoadResult load, LandscapeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        return Build(load.Objects, options, load.Diagnostics);
    }

    /// <summary>Builds a landscape from objects, for example ones created in code.</summary>
    public static Landscape Build(IEnumerable<KubeObject> objects, LandscapeOptions? options = null, IReadOnlyList<LoadDiagnostic>? loadDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        options ??= LandscapeOptions.Default;
        var index = new ObjectIndex(objects);

        // One parallel pass reads what every area needs from each body (pod templates, labels and
        // annotations) while the parsed body is still in hand; later passes use what it kept.
        var all = index.All;
        var found = new Workload?[all.Count];
        Parallel.For(0, all.Count, i =>
        {
            var o = all[i];
            o.WarmMetadata();
            found[i] = Workload.From(o);
        });
        var workloads = new List<Workload>();
        foreach (var w in found)
        {
            if (w is not null) workloads.Add(w);
        }

        var catalog = options.Catalog ?? ComponentCatalog.BuiltIn;
        var components = ComponentRecognizer.Recognize(index, workloads, catalog);
        var context = new LandscapeContext(index, workloads, catalog, components, options.KubernetesVersion ?? KubernetesVersion.Latest, options);
        return new Landscape(context, loadDiagnostics ?? []);
    }
}
