using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api;

/// <summary>
/// The release of the bundle an object was shipped in, as its label or annotation states it
/// (<c>gateway.networking.k8s.io/bundle-version: v1.2.0</c>, <c>app.kubernetes.io/version</c>,
/// <c>helm.sh/chart: crds-3.1.5</c>, <c>pipeline.tekton.dev/release</c>). Copies of one CRD from two
/// releases of a bundle are one root cause, so rules group them by it.
/// </summary>
/// <param name="Key">The label or annotation key.</param>
/// <param name="Value">Its value.</param>
public sealed record BundleVersion(string Key, string Value)
{
    /// <summary>
    /// The most specific bundle marker on the object, or null. A dedicated <c>*/bundle-version</c>
    /// wins over the recommended <c>app.kubernetes.io/version</c>, which wins over Helm's chart label
    /// and project keys ending in <c>/release</c> or <c>/version</c>. The generator's own version
    /// (<c>controller-gen.kubebuilder.io/version</c>) says which tool wrote the file, not which release
    /// of the bundle it is, so it is not one.
    /// </summary>
    public static BundleVersion? Of(KubeObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        BundleVersion? best = null;
        var bestRank = int.MaxValue;
        foreach (var map in (IReadOnlyDictionary<string, string>[])[o.Annotations, o.Labels])
        {
            foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var rank = Rank(key);
                if (rank < bestRank && value.Length > 0)
                {
                    best = new BundleVersion(key, value);
                    bestRank = rank;
                }
            }
        }

        return best;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Key}={Value}";

    private static int Rank(string key) => key switch
    {
        _ when key.EndsWith("/bundle-version", StringComparison.Ordinal) => 0,
        "app.kubernetes.io/version" => 1,
        "helm.sh/chart" => 2,
        _ when key.EndsWith("/release", StringComparison.Ordinal) => 3,
        "controller-gen.kubebuilder.io/version" => int.MaxValue,
        _ when key.EndsWith("/version", StringComparison.Ordinal) && !key.StartsWith("kubectl.kubernetes.io", StringComparison.Ordinal) => 4,
        _ => int.MaxValue,
    };
}
