using K8sLandscape.Model;

namespace K8sLandscape.Catalog.Recognition;

/// <summary>
/// Dictionaries from fingerprint values to the components that list them, built once per catalog so
/// that recognizing a cluster costs a few hash lookups per object. Image patterns are keyed by their
/// last path component, so an image needs one lookup and a handful of suffix checks.
/// </summary>
internal sealed class RecognizerIndex
{
    public RecognizerIndex(IReadOnlyList<ComponentDefinition> components)
    {
        var images = new Dictionary<string, List<(string, ComponentDefinition)>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, Dictionary<string, List<ComponentDefinition>>>(StringComparer.Ordinal);
        var crd = Builder();
        var crdNames = Builder();
        var workloads = Builder();
        var csi = Builder();
        var provisioners = Builder();
        var extended = Builder();
        var dra = Builder();
        var webhooks = Builder();
        var webhookSuffixes = Builder();
        var cni = Builder();
        var engines = Builder();
        var handlers = Builder();
        var ingress = Builder();
        var gateway = Builder();
        var schedulers = Builder();
        var olm = Builder();

        // Components arrive sorted by id, so every list below is sorted by id too.
        foreach (var c in components)
        {
            var f = c.Fingerprints;
            foreach (var image in f.Images)
            {
                var last = image[(image.LastIndexOf('/') + 1)..];
                if (!images.TryGetValue(last, out var l)) images[last] = l = [];
                if (!l.Contains((image, c))) l.Add((image, c));
            }

            foreach (var label in f.Labels)
            {
                var eq = label.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) continue;
                var key = label[..eq];
                if (!labels.TryGetValue(key, out var byValue)) labels[key] = byValue = new Dictionary<string, List<ComponentDefinition>>(StringComparer.Ordinal);
                AddTo(byValue, label[(eq + 1)..], c);
            }

            foreach (var w in f.Webhooks)
            {
                // '*.istio.io' matches any name ending in '.istio.io'.
                if (w.StartsWith("*.", StringComparison.Ordinal)) AddTo(webhookSuffixes, w[1..], c);
                else AddTo(webhooks, w, c);
            }

            AddAll(crd, f.CrdGroups, c);
            AddAll(crdNames, f.Crds, c);
            AddAll(workloads, f.Workloads, c);
            AddAll(csi, f.CsiDrivers, c);
            AddAll(provisioners, f.Provisioners, c);
            AddAll(extended, f.ExtendedResources, c);
            AddAll(dra, f.DraDrivers, c);
            AddAll(cni, f.CniTypes, c);
            AddAll(engines, f.RuntimeEngines, c);
            AddAll(handlers, f.RuntimeHandlers, c);
            AddAll(ingress, f.IngressControllers, c);
            AddAll(gateway, f.GatewayControllers, c);
            AddAll(schedulers, f.Schedulers, c);
            AddAll(olm, f.OlmPackages, c);
        }

        Images = images.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        Labels = labels.ToDictionary(p => p.Key, p => Freeze(p.Value), StringComparer.Ordinal);
        CrdGroups = Freeze(crd);
        Crds = Freeze(crdNames);
        Workloads = Freeze(workloads);
        CsiDrivers = Freeze(csi);
        Provisioners = Freeze(provisioners);
        ExtendedResources = Freeze(extended);
        DraDrivers = Freeze(dra);
        Webhooks = Freeze(webhooks);
        WebhookSuffixes = Freeze(webhookSuffixes);
        CniTypes = Freeze(cni);
        RuntimeEngines = Freeze(engines);
        RuntimeHandlers = Freeze(handlers);
        IngressControllers = Freeze(ingress);
        GatewayControllers = Freeze(gateway);
        Schedulers = Freeze(schedulers);
        OlmPackages = Freeze(olm);
    }

    /// <summary>Image patterns keyed by their last path component.</summary>
    public Dictionary<string, (string Pattern, ComponentDefinition Component)[]> Images { get; }

    /// <summary>Label key, then value, to components.</summary>
    public Dictionary<string, Dictionary<string, ComponentDefinition[]>> Labels { get; }

    public Dictionary<string, ComponentDefinition[]> CrdGroups { get; }

    public Dictionary<string, ComponentDefinition[]> Crds { get; }

    public Dictionary<string, ComponentDefinition[]> Workloads { get; }

    public Dictionary<string, ComponentDefinition[]> CsiDrivers { get; }

    public Dictionary<string, ComponentDefinition[]> Provisioners { get; }

    public Dictionary<string, ComponentDefinition[]> ExtendedResources { get; }

    public Dictionary<string, ComponentDefinition[]> DraDrivers { get; }

    public Dictionary<string, ComponentDefinition[]> Webhooks { get; }

    /// <summary>Wildcard webhook patterns without their <c>*</c>: <c>.istio.io</c>.</summary>
    public Dictionary<string, ComponentDefinition[]> WebhookSuffixes { get; }

    public Dictionary<string, ComponentDefinition[]> CniTypes { get; }

    public Dictionary<string, ComponentDefinition[]> RuntimeEngines { get; }

    public Dictionary<string, ComponentDefinition[]> RuntimeHandlers { get; }

    public Dictionary<string, ComponentDefinition[]> IngressControllers { get; }

    public Dictionary<string, ComponentDefinition[]> GatewayControllers { get; }

    public Dictionary<string, ComponentDefinition[]> Schedulers { get; }

    public Dictionary<string, ComponentDefinition[]> OlmPackages { get; }

    private static Dictionary<string, List<ComponentDefinition>> Builder() => new(StringComparer.Ordinal);

    private static void AddAll(Dictionary<string, List<ComponentDefinition>> map, IReadOnlyList<string> values, ComponentDefinition c)
    {
        foreach (var v in values) AddTo(map, v, c);
    }

    private static void AddTo(Dictionary<string, List<ComponentDefinition>> map, string value, ComponentDefinition c)
    {
        if (!map.TryGetValue(value, out var list)) map[value] = list = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], c)) list.Add(c);
    }

    private static Dictionary<string, ComponentDefinition[]> Freeze(Dictionary<string, List<ComponentDefinition>> map) =>
        map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
