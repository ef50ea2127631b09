using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Versions;

/// <summary>
/// Reads the versions a component runs from what it is made of: the tags and digests of the images
/// it was recognized by, <c>app.kubernetes.io/version</c> and <c>helm.sh/chart</c> labels, OLM
/// ClusterServiceVersions, CRD <c>*/bundle-version</c> annotations and, for a container runtime,
/// the nodes' <c>containerRuntimeVersion</c>.
/// </summary>
public static class VersionReader
{
    /// <summary>The label Kubernetes recommends for an application's version.</summary>
    public const string AppVersionLabel = "app.kubernetes.io/version";

    /// <summary>The label Helm charts set to <c>NAME-VERSION</c>.</summary>
    public const string HelmChartLabel = "helm.sh/chart";

    /// <summary>The versions of a recognized component.</summary>
    public static ComponentVersions Of(RecognizedComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Read(component.Evidence.Select(e => e.Object), component.Evidence, component.Definition.Fingerprints.Images);
    }

    /// <summary>
    /// The versions of an implementation at an extension point: its own objects, plus the evidence of
    /// the catalog component it is (when <paramref name="component"/> is given).
    /// </summary>
    public static ComponentVersions Of(ExtensionImplementation implementation, RecognizedComponent? component)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var evidence = component?.Evidence ?? [];
        return Read(implementation.Objects.Concat(evidence.Select(e => e.Object)), evidence, component?.Definition.Fingerprints.Images ?? []);
    }

    /// <summary>Reads every version evidence of <paramref name="objects"/> and of the catalog evidence that named them.</summary>
    /// <param name="objects">The objects to read labels, annotations and OLM versions from.</param>
    /// <param name="evidence">The catalog evidence (image references, runtime nodes).</param>
    /// <param name="imagePatterns">
    /// The catalog's image patterns of the component, main image first: tags of images that match
    /// only a later pattern (a CNI installer, a sidecar) are <see cref="VersionSources.HelperImageTag"/>.
    /// </param>
    public static ComponentVersions Read(IEnumerable<KubeObject> objects, IEnumerable<ComponentEvidence> evidence, IReadOnlyList<string> imagePatterns)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(imagePatterns);
        var found = new List<VersionEvidence>();
        var runtimeNodes = new HashSet<KubeObject>();
        var images = evidence.Where(e => e.Fingerprint == "image").Select(e => (Evidence: e, Rank: Rank(ImageReference.Parse(e.Value), imagePatterns))).ToArray();
        var main = images.Length == 0 ? 0 : images.Min(i => i.Rank);
        foreach (var image in images) ReadImage(image.Evidence, image.Rank == main, found);
        foreach (var e in evidence)
        {
            // A node's runtime version belongs to its runtime, not to the device plugin its capacity names.
            if (e.Fingerprint == "runtimeEngine" && e.Object.Kind == "Node") runtimeNodes.Add(e.Object);
        }

        // The objects of one release or component carry the same few label values, so each value is
        // read once and its result reused while the next object repeats it.
        var app = new LabelReading(AppVersionLabel, Normalize);
        var chart = new LabelReading(HelmChartLabel, ChartVersion);
        foreach (var o in objects.Distinct())
        {
            if (o.Labels.TryGetValue(AppVersionLabel, out var appValue) && app.Read(appValue) is ({ } appVersion, var appDetail))
                found.Add(new VersionEvidence(appVersion, VersionSources.AppVersionLabel, appDetail, o));
            if (o.Labels.TryGetValue(HelmChartLabel, out var chartValue) && chart.Read(chartValue) is ({ } chartVersion, var chartDetail))
                found.Add(new VersionEvidence(chartVersion, VersionSources.HelmChart, chartDetail, o));
            foreach (var (key, value) in o.Annotations)
            {
                if (key.EndsWith("/bundle-version", StringComparison.Ordinal) && Normalize(value) is { } bundle)
                    found.Add(new VersionEvidence(bundle, VersionSources.BundleVersion, $"{key}={value}", o));
            }

            if (o.Kind == "ClusterServiceVersion" && o.Group == "operators.coreos.com" && o.GetString("spec.version") is { } csv && Normalize(csv) is { } csvVersion)
                found.Add(new VersionEvidence(csvVersion, VersionSources.OlmCsv, $"spec.version={csv}", o));
            if (runtimeNodes.Contains(o) && o.GetString("status.nodeInfo.containerRuntimeVersion") is { } rt && RuntimeVersion(rt) is { } rtVersion)
                found.Add(new VersionEvidence(rtVersion, VersionSources.RuntimeVersion, $"containerRuntimeVersion={rt}", o));
        }

        if (found.Count == 0) return ComponentVersions.None;
        var rank = VersionSources.ByPreference.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var sorted = found
            .Distinct()
            .OrderBy(e => rank[e.Source])
            .ThenBy(e => e.Version, StringComparer.Ordinal)
            .ThenBy(e => e.Object.Location)
            .ThenBy(e => e.Detail, StringComparer.Ordinal)
            .ToArray();
        return new ComponentVersions(sorted);
    }

    /// <summary>A version as compared: trimmed, a leading <c>v</c> before a digit removed; null when empty.</summary>
    public static string? Normalize(string? version)
    {
        var v = version?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > 1 && (v[0] == 'v' || v[0] == 'V') && char.IsAsciiDigit(v[1])) v = v[1..];
        return v;
    }

    /// <summary>The version part of a <c>helm.sh/chart</c> value (<c>ingress-nginx-4.10.0</c> gives <c>4.10.0</c>), or null.</summary>
    public static string? ChartVersion(string chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        // Chart names hold dashes too, so the version starts at the first dash followed by a digit (or v and a digit).
        for (var i = chart.IndexOf('-', StringComparison.Ordinal); i >= 0 && i < chart.Length - 1; i = chart.IndexOf('-', i + 1))
        {
            var first = chart[i + 1];
            if (char.IsAsciiDigit(first) || (i + 2 < chart.Length && first == 'v' && char.IsAsciiDigit(chart[i + 2]))) return Normalize(chart[(i + 1)..]);
        }

        return null;
    }

    /// <summary>A label's version and evidence text, kept for the last value read.</summary>
    private sealed class LabelReading(string label, Func<string, string?> version)
    {
        private string? _value;
        private (string? Version, string Detail) _read;

        public (string? Version, string Detail) Read(string value)
        {
            if (!string.Equals(value, _value, StringComparison.Ordinal))
            {
                _value = value;
                _read = (version(value), $"{label}={value}");
            }

            return _read;
        }
    }

    private static string? RuntimeVersion(string value)
    {
        // containerd://1.7.2, cri-o://1.30.1, docker://24.0.7
        var sep = value.IndexOf("://", StringComparison.Ordinal);
        return Normalize(sep >= 0 ? value[(sep + 3)..] : value);
    }

    /// <summary>The index of the first catalog pattern the image matches; past the end when none does.</summary>
    private static int Rank(ImageReference image, IReadOnlyList<string> patterns)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (image.RepositoryEndsWith(patterns[i])) return i;
        }

        return patterns.Count;
    }

    private static void ReadImage(ComponentEvidence e, bool main, List<VersionEvidence> into)
    {
        var image = ImageReference.Parse(e.Value);
        if (image.Tag is { } tag && !string.Equals(tag, "latest", StringComparison.Ordinal) && Normalize(tag) is { } version)
        {
            into.Add(new VersionEvidence(version, main ? VersionSources.ImageTag : VersionSources.HelperImageTag, e.Value, e.Object));
        }
        else if (image.Digest is { } digest)
        {
            // Twelve hex digits name an image as surely as the whole digest and keep a matrix cell readable.
            var colon = digest.IndexOf(':', StringComparison.Ordinal);
            var shortDigest = colon >= 0 && digest.Length > colon + 13 ? digest[..(colon + 13)] : digest;
            into.Add(new VersionEvidence(shortDigest, VersionSources.ImageDigest, e.Value, e.Object));
        }
    }
}
