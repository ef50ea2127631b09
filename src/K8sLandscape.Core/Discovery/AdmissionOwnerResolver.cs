using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Admission;

namespace K8sLandscape.Discovery;

/// <summary>
/// Finds the catalog component an admission webhook or policy belongs to, strongest evidence first:
/// the webhook's name in a catalog entry's <c>webhooks</c>; then a component recognized from the
/// configuration object itself (a label, say); then a name ending in a CRD group the catalog knows
/// (<c>nousages.protection.crossplane.io</c>).
/// </summary>
internal sealed class AdmissionOwnerResolver
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Suffix, string Id)> _suffixes = [];
    private readonly Dictionary<string, string> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<KubeObject, string> _byObject = new(ReferenceEqualityComparer.Instance);

    internal AdmissionOwnerResolver(LandscapeContext context, IEnumerable<KubeObject> admissionObjects)
    {
        // Catalog order is by id, so the first entry wins a shared fingerprint deterministically.
        foreach (var d in context.Catalog.Components)
        {
            foreach (var w in d.Fingerprints.Webhooks)
            {
                if (w.StartsWith("*.", StringComparison.Ordinal)) _suffixes.Add((w[1..], d.Id));
                else _exact.TryAdd(w, d.Id);
            }

            foreach (var g in d.Fingerprints.ServedGroups) _groups.TryAdd(g, d.Id);
        }

        var wanted = new HashSet<KubeObject>(admissionObjects, ReferenceEqualityComparer.Instance);
        foreach (var c in context.Components)
        {
            // A bare 'managed-by' label says who installed the object, not whose webhook it is.
            var rank = string.Equals(c.Definition.Category, ComponentCategories.LifecycleManager, StringComparison.Ordinal) ? 1 : 0;
            foreach (var e in c.Evidence)
            {
                if (!wanted.Contains(e.Object)) continue;
                if (!_byObject.TryGetValue(e.Object, out var existing) || (rank == 0 && IsLifecycle(context, existing)))
                {
                    _byObject[e.Object] = c.Id;
                }
            }
        }
    }

    internal string? OwnerOfWebhook(KubeObject configuration, string webhookName)
    {
        if (_exact.TryGetValue(webhookName, out var id)) return id;
        foreach (var (suffix, sid) in _suffixes)
        {
            if (webhookName.EndsWith(suffix, StringComparison.Ordinal)) return sid;
        }

        return OwnerOfObject(configuration, webhookName);
    }

    internal string? OwnerOfObject(KubeObject obj, string name)
    {
        if (_byObject.TryGetValue(obj, out var id)) return id;
        for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            if (_groups.TryGetValue(name[(dot + 1)..], out var gid)) return gid;
        }

        return null;
    }

    private static bool IsLifecycle(LandscapeContext context, string id) =>
        string.Equals(context.Component(id)?.Definition.Category, ComponentCategories.LifecycleManager, StringComparison.Ordinal);
}
