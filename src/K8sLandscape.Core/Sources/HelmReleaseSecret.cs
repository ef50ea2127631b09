using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>
/// A Helm 3 release record, read from the labels of its Secret (<c>owner=helm</c>, <c>name</c>,
/// <c>status</c>, <c>version</c>), so the release payload (the Secret's data) is never needed.
/// </summary>
/// <param name="Name">The release name.</param>
/// <param name="Namespace">The release namespace.</param>
/// <param name="Status">The release status, for example <c>deployed</c> or <c>superseded</c>.</param>
/// <param name="Revision">The revision number.</param>
/// <param name="Object">The Secret it was read from.</param>
public sealed record HelmReleaseSecret(string Name, string? Namespace, string Status, int Revision, KubeObject Object)
{
    /// <summary>Reads a Helm release record from a Secret's labels, or returns null when the object is not one.</summary>
    public static HelmReleaseSecret? TryRead(KubeObject secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Group.Length != 0 || secret.Kind != "Secret") return null;
        var labels = secret.Labels;
        if (!labels.TryGetValue("owner", out var owner) || owner != "helm") return null;
        if (!labels.TryGetValue("name", out var name) || name.Length == 0) return null;
        var revision = labels.TryGetValue("version", out var v) && int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 0;
        return new HelmReleaseSecret(name, secret.Namespace, labels.GetValueOrDefault("status") ?? string.Empty, revision, secret);
    }

    /// <summary>Every Helm release record among objects, sorted by namespace, name and revision.</summary>
    public static IReadOnlyList<HelmReleaseSecret> ReadAll(IEnumerable<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return objects.Select(TryRead).OfType<HelmReleaseSecret>()
            .OrderBy(h => h.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ThenBy(h => h.Revision)
            .ToArray();
    }
}
