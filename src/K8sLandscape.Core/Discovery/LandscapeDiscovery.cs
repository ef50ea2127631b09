using K8sLandscape.Catalog;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Admission;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Devices;
using K8sLandscape.Model.Ingress;
using K8sLandscape.Model.Layers;
using K8sLandscape.Model.Lifecycle;
using K8sLandscape.Model.Network;
using K8sLandscape.Model.Runtime;
using K8sLandscape.Model.Scheduling;
using K8sLandscape.Model.Storage;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Discovery;

/// <summary>
/// The step that turns loaded objects into a <see cref="Landscape"/>: reads workloads, recognizes
/// catalog components, then builds every area's surface side by side (each area's
/// <c>&lt;Area&gt;Discovery</c> class in this folder). <see cref="Landscape.Build(LoadResult, LandscapeOptions?)"/>
/// forwards here.
/// </summary>
public static class LandscapeDiscovery
{
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

        // What every area needs from each body (pod templates, labels and annotations): the loader
        // has read it already for what it loaded; this parallel pass reads it for objects made otherwise.
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
        var components = ComponentRecognizer.Recognize(index, found, catalog);
        var context = new LandscapeContext(index, workloads, catalog, components, options.KubernetesVersion ?? KubernetesVersion.Latest, options);

        // The surfaces only read the context, so they are built side by side; the longest
        // (lifecycle, which visits every object three times over) starts first.
        RuntimeSurface? runtime = null;
        NetworkSurface? network = null;
        StorageSurface? storage = null;
        DeviceSurface? devices = null;
        ApiSurface? api = null;
        AdmissionSurface? admission = null;
        LifecycleSurface? lifecycle = null;
        LayerMap? layers = null;
        SchedulingSurface? scheduling = null;
        IngressSurface? ingress = null;
        Parallel.Invoke(
            () => lifecycle = LifecycleDiscovery.Build(context),
            () => scheduling = SchedulingDiscovery.Build(context),
            () => ingress = IngressDiscovery.Build(context),
            () => devices = DeviceDiscovery.Build(context),
            () => network = NetworkDiscovery.Build(context),
            () => runtime = RuntimeDiscovery.Build(context),
            () => storage = StorageDiscovery.Build(context),
            () => api = ApiDiscovery.Build(context),
            () => admission = AdmissionDiscovery.Build(context),
            () => layers = LayerDiscovery.Build(context));
        return new Landscape(
            index, workloads, catalog, components, context.TargetVersion, loadDiagnostics ?? [],
            runtime!, network!, storage!, devices!, api!, admission!, lifecycle!, layers!, scheduling!, ingress!);
    }
}
