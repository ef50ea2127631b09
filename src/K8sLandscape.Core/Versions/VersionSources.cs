namespace K8sLandscape.Versions;

/// <summary>Where a component's version was read, from the most to the least telling.</summary>
public static class VersionSources
{
    /// <summary><c>spec.version</c> of an OLM ClusterServiceVersion.</summary>
    public const string OlmCsv = "olm-csv";

    /// <summary>The <c>app.kubernetes.io/version</c> label.</summary>
    public const string AppVersionLabel = "app-version-label";

    /// <summary>The tag of a container image the component was recognized by.</summary>
    public const string ImageTag = "image-tag";

    /// <summary>The tag of a helper image (an installer, a sidecar): one the catalog lists after the component's main image.</summary>
    public const string HelperImageTag = "helper-image-tag";

    /// <summary>The chart version of a <c>helm.sh/chart</c> label (a chart version, not always the app's).</summary>
    public const string HelmChart = "helm-chart";

    /// <summary>A CRD's <c>*/bundle-version</c> annotation (Gateway API and others).</summary>
    public const string BundleVersion = "bundle-version";

    /// <summary>A Node's <c>status.nodeInfo.containerRuntimeVersion</c>.</summary>
    public const string RuntimeVersion = "runtime-version";

    /// <summary>The digest of an image pinned by digest only.</summary>
    public const string ImageDigest = "image-digest";

    /// <summary>Every source, in the order a component's version is chosen from.</summary>
    public static IReadOnlyList<string> ByPreference { get; } = [OlmCsv, AppVersionLabel, ImageTag, RuntimeVersion, HelmChart, BundleVersion, HelperImageTag, ImageDigest];
}
