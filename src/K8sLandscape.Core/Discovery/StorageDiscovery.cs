using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="StorageSurface"/> from the landscape's objects.</summary>
internal static class StorageDiscovery
{
    public static StorageSurface Build(LandscapeContext context)
    {
        var catalog = context.Catalog;
        var byCsi = InfrastructureLookup.ByFingerprint(catalog, f => f.CsiDrivers);
        var byProvisioner = InfrastructureLookup.ByFingerprint(catalog, f => f.Provisioners);
        var objects = context.Objects;

        var classes = objects.OfKind("storage.k8s.io", "StorageClass").Select(ReadClass).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Location).ToArray();
        var snapshotClasses = objects.OfKind("snapshot.storage.k8s.io", "VolumeSnapshotClass").Select(ReadSnapshotClass)
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Location).ToArray();

        // Driver names, from every object that names one.
        var named = new Dictionary<string, (KubeObject? CsiDriver, List<KubeObject> Objects)>(StringComparer.Ordinal);
        void Name(string name, KubeObject o, bool isCsiDriver = false)
        {
            if (name.Length == 0) return;
            if (!named.TryGetValue(name, out var entry)) named[name] = entry = (null, []);
            entry.Objects.Add(o);
            if (isCsiDriver && entry.CsiDriver is null) named[name] = (o, entry.Objects);
        }

        foreach (var d in objects.OfKind("storage.k8s.io", "CSIDriver")) Name(d.Name, d, isCsiDriver: true);
        // ceph-csi-operator's Driver resources are named after the CSI driver they deploy.
        foreach (var d in objects.OfKind("csi.ceph.io", "Driver")) Name(d.Name, d);
        foreach (var c in classes) Name(c.Provisioner, c.Object);
        foreach (var s in snapshotClasses) Name(s.Driver, s.Object);

        var drivers = named.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var def = byCsi.GetValueOrDefault(p.Key) ?? byProvisioner.GetValueOrDefault(p.Key);
            var caps = def?.Capabilities ?? new ComponentCapabilities();
            var inTree = p.Key.StartsWith("kubernetes.io/", StringComparison.Ordinal);
            var target = inTree ? MigrationTarget(p.Key, catalog) : null;
            return new StorageDriver(p.Key, def?.Id, inTree, target, caps, p.Value.CsiDriver, p.Value.Objects.Distinct().OrderBy(o => o.Location).ToArray());
        }).ToArray();

        var recognized = InfrastructureLookup.RecognizedObjects(context);
        var driverParts = context.InCategory(ComponentCategories.CsiDriver)
            .Select(c => (c.Id, (ComponentDefinition?)c.Definition, (IEnumerable<KubeObject>)c.Objects))
            .Concat(drivers.Select(d => (d.ComponentId ?? "driver:" + d.Name, d.ComponentId is null ? null : catalog.Find(d.ComponentId), (IEnumerable<KubeObject>)d.Objects)))
            .Concat(InfrastructureLookup.UnrecognizedHostPathWorkloads(context, recognized, StorageSurface.PluginHostPaths));

        // Documents defining the same class name are one API object (a duplicate reported elsewhere).
        var defaults = classes.Where(c => c.IsDefault).GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => new ExtensionImplementation(
            "storageclass:" + g.Key, g.Key, g.All(c => byCsi.ContainsKey(c.Provisioner) || byProvisioner.ContainsKey(c.Provisioner)),
            g.Select(c => c.Object).OrderBy(o => o.Location).ToArray())).ToArray();

        var points = new List<ExtensionPoint>
        {
            new(LandscapeAreas.Storage, StorageSurface.CsiDriversPoint, InfrastructureLookup.Implementations(driverParts), ExpectsSingle: false),
            new(LandscapeAreas.Storage, StorageSurface.DefaultStorageClassPoint, defaults, ExpectsSingle: true),
        };
        foreach (var group in snapshotClasses.Where(s => s.IsDefault).GroupBy(s => s.Driver, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            points.Add(new ExtensionPoint(LandscapeAreas.Storage, StorageSurface.DefaultSnapshotClassPointPrefix + group.Key,
                group.GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => new ExtensionImplementation(
                    "volumesnapshotclass:" + g.Key, g.Key, byCsi.ContainsKey(group.Key), g.Select(s => s.Object).OrderBy(o => o.Location).ToArray())).ToArray(),
                ExpectsSingle: true));
        }

        return new StorageSurface
        {
            Drivers = drivers,
            StorageClasses = classes,
            SnapshotClasses = snapshotClasses,
            Claims = objects.OfKind("", "PersistentVolumeClaim").Select(ReadClaim).ToArray(),
            ExtensionPoints = points,
        };
    }

    private static string? MigrationTarget(string provisioner, ComponentCatalog catalog)
    {
        foreach (var c in catalog.Components)
        {
            if (string.Equals(c.Capabilities.MigratesInTreeProvisioner, provisioner, StringComparison.Ordinal) && c.Fingerprints.CsiDrivers.Count > 0)
                return c.Fingerprints.CsiDrivers[0];
        }

        return null;
    }

    private static StorageClassInfo ReadClass(KubeObject o)
    {
        string? annotation = null;
        if (IsTrue(o.Annotations, StorageSurface.DefaultClassAnnotation)) annotation = StorageSurface.DefaultClassAnnotation;
        else if (IsTrue(o.Annotations, StorageSurface.BetaDefaultClassAnnotation)) annotation = StorageSurface.BetaDefaultClassAnnotation;
        bool? expansion = o.TryGet("allowVolumeExpansion", out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.ValueKind == JsonValueKind.True : null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (o.TryGet("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var kv in p.EnumerateObject()) parameters[kv.Name] = kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString()! : kv.Value.GetRawText();
        }

        return new StorageClassInfo(o.Name, o.GetString("provisioner") ?? string.Empty, annotation is not null, annotation,
            o.GetString("reclaimPolicy"), o.GetString("volumeBindingMode"), expansion, parameters, o,
            annotation is null ? o.Location : o.LocationOf($"metadata.annotations[{annotation}]"));
    }

    private static SnapshotClassInfo ReadSnapshotClass(KubeObject o)
    {
        var isDefault = IsTrue(o.Annotations, StorageSurface.DefaultSnapshotClassAnnotation);
        return new SnapshotClassInfo(o.Name, o.GetString("driver") ?? string.Empty, isDefault, o.GetString("deletionPolicy"), o,
            isDefault ? o.LocationOf($"metadata.annotations[{StorageSurface.DefaultSnapshotClassAnnotation}]") : o.Location);
    }

    private static ClaimInfo ReadClaim(KubeObject o)
    {
        var modes = new List<string>();
        if (o.TryGet("spec.accessModes", out var m) && m.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in m.EnumerateArray()) if (x.ValueKind == JsonValueKind.String) modes.Add(x.GetString()!);
        }

        return new ClaimInfo(o.Name, o.Namespace, o.GetString("spec.storageClassName"), modes, o);
    }

    // The DefaultStorageClass admission plugin and the snapshot controller compare the value with
    // "true" exactly: "True" or "yes" leave a class non-default.
    private static bool IsTrue(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var v) && string.Equals(v, "true", StringComparison.Ordinal);
}
