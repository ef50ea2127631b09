using K8sLandscape.Loading;
using K8sLandscape.Sources;

namespace K8sLandscape.Analyzers;

/// <summary>
/// One descriptor per <see cref="LoadDiagnosticCodes"/> code and per <see cref="ClusterDiagnosticCodes"/>
/// code (what a cluster read could not cover), so load problems appear in the same report as rule findings. A finding keeps the severity the loader gave the diagnostic unless
/// configuration overrides it; the default severity here is the loader's usual one.
/// </summary>
public static class LoadDiagnosticRules
{
    private const string ClusterFix = "Grant the identity `get` and `list` on the kinds `k8s-landscape` reads (see `deploy/clusterrole.yaml` and docs/cluster.md), or run the analysis where the API server answers; then scan again.";

    private const string NotAManifestFix = "Analyze what the file turns into: run the command the message names (`kubectl kustomize <folder> | k8s-landscape analyze -`, `helm template <release> <chart> | k8s-landscape analyze -`). For a warning, add the missing `apiVersion` and `kind`. Exclude the path (`exclude.paths`) to silence a file that is not meant to be a manifest.";

    private const string Fix = "Fix the input at the reported line, or exclude the path (`exclude.paths`) if the file is not meant to be a manifest.";

    /// <summary>KL0002: a document is not valid YAML or JSON.</summary>
    public static RuleDescriptor InvalidSyntax { get; } = Load(LoadDiagnosticCodes.InvalidSyntax, DiagnosticSeverity.Error, """
        The document cannot be parsed, so it is skipped and every object it would define is missing
        from the landscape. `kubectl apply` rejects the same file, so whatever it was meant to install
        is not what the cluster runs.
        """);

    /// <summary>KL0003: a file or folder could not be read.</summary>
    public static RuleDescriptor UnreadableSource { get; } = Load(LoadDiagnosticCodes.UnreadableSource, DiagnosticSeverity.Error, """
        A path given on the command line, or found in a folder, cannot be read (missing, permission
        denied, I/O error). Its objects are missing from the landscape, so conflicts involving them
        cannot be found.
        """);

    /// <summary>KL0004: a file is not UTF-8 text.</summary>
    public static RuleDescriptor InvalidEncoding { get; } = Load(LoadDiagnosticCodes.InvalidEncoding, DiagnosticSeverity.Error, """
        Kubernetes manifests are UTF-8 (YAML 1.2 and JSON both require a Unicode encoding, and the
        API server decodes request bodies as UTF-8). A UTF-16 file or a binary file is skipped; an
        invalid byte is read as U+FFFD, which can change a name or a label value.
        """);

    /// <summary>KL0005: a document is not a mapping.</summary>
    public static RuleDescriptor NotAMapping { get; } = Load(LoadDiagnosticCodes.NotAMapping, DiagnosticSeverity.Error, """
        A Kubernetes object is a mapping with `apiVersion`, `kind` and `metadata`. A document that is
        a bare scalar or a list is not an object; the API server would reject it, and it is skipped.
        """);

    /// <summary>KL0006: a document lacks apiVersion or kind.</summary>
    public static RuleDescriptor MissingTypeInformation { get; } = Load(LoadDiagnosticCodes.MissingTypeInformation, DiagnosticSeverity.Error, """
        Without `apiVersion` and `kind` the API server cannot decode an object ("Object 'Kind' is
        missing"), so the document is skipped and its object is missing from the landscape.
        """);

    /// <summary>KL0007: a document lacks metadata.name.</summary>
    public static RuleDescriptor MissingName { get; } = Load(LoadDiagnosticCodes.MissingName, DiagnosticSeverity.Error, """
        Every object needs `metadata.name` (or `generateName`, which only `kubectl create` honours).
        Without it the object cannot be created or compared with others, so duplicates and conflicts
        involving it cannot be found.
        """);

    /// <summary>KL0008: a mapping repeats a key.</summary>
    public static RuleDescriptor DuplicateKey { get; } = Load(LoadDiagnosticCodes.DuplicateKey, DiagnosticSeverity.Warning, """
        YAML forbids repeated keys, yet many tools accept them and keep the last value, as the API
        server's JSON decoding does. The first value is silently lost: a reviewer reading the first
        occurrence sees a setting the cluster never gets.
        """);

    /// <summary>KL0009: a loader safety limit was exceeded.</summary>
    public static RuleDescriptor LimitExceeded { get; } = Load(LoadDiagnosticCodes.LimitExceeded, DiagnosticSeverity.Error, """
        The input is larger, deeper or expands to more nodes than the loader's safety limits allow
        (they stop "billion laughs" alias bombs and runaway files). The affected document or the rest
        of the file is skipped. etcd refuses objects above 1.5 MiB by default, so a real object this
        large could not be stored anyway.
        """);

    /// <summary>KL0010: a file holds no documents.</summary>
    public static RuleDescriptor EmptyFile { get; } = Load(LoadDiagnosticCodes.EmptyFile, DiagnosticSeverity.Info, """
        The file is empty or holds only comments. That is harmless, but often means a template
        rendered to nothing or a file was truncated.
        """);

    /// <summary>KL0011: tabs are used for indentation.</summary>
    public static RuleDescriptor TabIndentation { get; } = Load(LoadDiagnosticCodes.TabIndentation, DiagnosticSeverity.Error, """
        YAML allows only spaces for indentation. A tab makes the document invalid for every YAML
        parser `kubectl` and Helm use, so the document is skipped.
        """);

    /// <summary>KL0012: a document is not a Kubernetes object nor a known configuration file.</summary>
    public static RuleDescriptor NotAManifest { get; } = Load(LoadDiagnosticCodes.NotAManifest, DiagnosticSeverity.Info, """
        The document was read but is neither a Kubernetes object nor a node configuration file the
        loader knows (CNI, containerd, CRI-O), so it takes no part in the landscape. Files of other
        tools are recognized and reported once at info with what to run instead: a kustomization
        (once per folder, naming the patches, kustomize inputs and unlisted files it skipped: only the
        files a `kustomization.yaml` lists under `resources` are objects there, as `kubectl kustomize`
        builds them), a Helm chart source (once per chart: `helm template`), a kubeconfig (its
        contents are never echoed), kind, kubeadm and k3d configurations, OLM bundle metadata, JSON
        patches, and other data without `apiVersion` and `kind`. Only a document that looks like a
        broken object (`metadata` or `spec` without `apiVersion` and `kind`) is a warning. See
        docs/loading.md, "Documents that are not cluster objects".
        """, NotAManifestFix);

    /// <summary>KL0091: the credentials may not list a kind.</summary>
    public static RuleDescriptor KindDenied { get; } = Cluster(ClusterDiagnosticCodes.KindDenied, DiagnosticSeverity.Warning, """
        The API server answered 403 Forbidden when the kind was listed (in at least one namespace), so
        the landscape lacks those objects: RBAC allows only what a Role or ClusterRole grants, and a
        missing `list` verb hides the kind entirely. Conflicts involving the missing objects cannot be
        found, so a clean report is not proof of a clean cluster.
        """);

    /// <summary>KL0093: listing a kind failed.</summary>
    public static RuleDescriptor KindFailed { get; } = Cluster(ClusterDiagnosticCodes.KindFailed, DiagnosticSeverity.Error, """
        Listing the kind kept failing (server errors, timeouts) after every retry, or got an answer no
        retry mends: a body of the wrong shape, one larger than the limit, a redirect (never followed),
        a list whose pages do not end, or the scan's deadline (`--timeout`) or byte budget passed. The
        message says which. Objects listed before the failure are kept, the rest are missing: the
        landscape is incomplete, and conflicts involving the missing objects cannot be found.
        """);

    /// <summary>KL0094: discovery of an API group failed.</summary>
    public static RuleDescriptor DiscoveryFailed { get; } = Cluster(ClusterDiagnosticCodes.DiscoveryFailed, DiagnosticSeverity.Error, """
        The API group's resource list could not be read during discovery, which happens when an
        aggregated APIService is unavailable (its backing Service is down): `kubectl api-resources`
        reports the same "unable to retrieve the complete list of server APIs". None of the group's
        kinds are read, so the landscape is incomplete.
        """);

    /// <summary>The descriptors of the loader's codes, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> Loader { get; } =
    [
        InvalidSyntax, UnreadableSource, InvalidEncoding, NotAMapping, MissingTypeInformation, MissingName,
        DuplicateKey, LimitExceeded, EmptyFile, TabIndentation, NotAManifest,
    ];

    /// <summary>The descriptors of a cluster read's coverage codes, in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> ClusterCoverage { get; } = [KindDenied, KindFailed, DiscoveryFailed];

    /// <summary>Every load diagnostic descriptor (loader, then cluster coverage), in code order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [.. Loader, .. ClusterCoverage];

    private static RuleDescriptor Load(string code, DiagnosticSeverity severity, string description, string fix = Fix) =>
        new(
            code,
            LoadDiagnosticCodes.All.Single(c => c.Code == code).Title,
            "{0}",
            RuleCategory.Engine,
            severity,
            description,
            fix);

    private static RuleDescriptor Cluster(string code, DiagnosticSeverity severity, string description) =>
        new(
            code,
            ClusterDiagnosticCodes.All.Single(c => c.Code == code).Title,
            "{0}",
            RuleCategory.Engine,
            severity,
            description,
            ClusterFix);
}
