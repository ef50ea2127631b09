using K8sLandscape.Loading.Trees;

namespace K8sLandscape.Loading.Classification;

/// <summary>
/// Recognizes, by content, documents that are another tool's input rather than cluster objects
/// (kustomize files, kubeconfigs, kind and kubeadm configurations, Helm chart metadata, OLM bundle
/// metadata, JSON patches), so they are reported once at info with what to do instead of as a
/// broken object. Only a document that looks like an object with its type missing is a warning.
/// </summary>
internal static class NonObjectDocuments
{
    /// <summary>Configuration API groups of tools; no API server serves them, so a document in one is never a cluster object.</summary>
    private static readonly (string Prefix, string What)[] ToolGroups =
    [
        ("kind.x-k8s.io/", "kind cluster configuration (for 'kind create cluster --config')"),
        ("kubeadm.k8s.io/", "kubeadm configuration (for 'kubeadm init --config' or 'kubeadm join --config')"),
        ("k3d.io/", "k3d cluster configuration (for 'k3d cluster create --config')"),
        ("ctlptl.dev/", "ctlptl cluster configuration"),
    ];

    /// <summary>The fields of a kustomize transformer configuration (a file listed under 'configurations').</summary>
    private static readonly HashSet<string> TransformerConfigFields = new(StringComparer.Ordinal)
    {
        "namePrefix", "nameSuffix", "nameReference", "namespace", "commonLabels", "commonAnnotations", "labels",
        "varReference", "images", "replicas", "templateLabels", "nameSpace",
    };

    private static readonly HashSet<string> JsonPatchOps = new(StringComparer.Ordinal) { "add", "remove", "replace", "move", "copy", "test" };

    /// <summary>
    /// The verdict for a mapping document, or null when it may be an object (the ordinary checks
    /// then apply). Never null when the document has neither <c>apiVersion</c> nor <c>kind</c>.
    /// </summary>
    public static NonObjectVerdict? Classify(MappingNode map, string path, string fileName)
    {
        var apiVersionNode = map.Get("apiVersion");
        var kindNode = map.Get("kind");
        var apiVersion = (apiVersionNode as ScalarNode)?.Text;
        var kind = (kindNode as ScalarNode)?.Text;

        if (KustomizationFile.FileNames.Contains(fileName, StringComparer.Ordinal) || (apiVersion?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) ?? false))
        {
            var what = kind == "Component" ? "kustomize Component" : "kustomization file";
            return Info($"{what}: a build recipe, not a cluster object; to analyze what it builds, run 'kubectl kustomize {FolderOf(path)} | k8s-landscape analyze -'");
        }

        if (fileName is ".k8s-landscape.yaml" or ".k8s-landscape.yml")
        {
            return Info("k8s-landscape configuration, not a cluster object: it is read from the working folder or with '--config', not analyzed; skipped");
        }

        if (apiVersion is not null)
        {
            foreach (var (prefix, what) in ToolGroups)
            {
                if (apiVersion.StartsWith(prefix, StringComparison.Ordinal)) return Info($"{what}, not a cluster object; skipped");
            }
        }

        if (IsKubeconfig(map, apiVersion, kind))
        {
            // The message names no field value: a kubeconfig holds tokens, keys and passwords.
            return Info($"kubeconfig (clusters, users and contexts for kubectl), not a cluster object; skipped without reading its contents. To analyze the cluster it points at, run 'k8s-landscape analyze --cluster --kubeconfig {(IsNamedFile(path) ? path : "<file>")}'");
        }

        if (kindNode is null && apiVersion is "v1" or "v2" && map.Get("name") is ScalarNode && map.Get("version") is ScalarNode)
        {
            return Info($"Helm chart metadata (Chart.yaml), not a cluster object; to analyze what the chart installs, run 'helm template <release> {FolderOf(path)} | k8s-landscape analyze -'");
        }

        if (apiVersionNode is not null || kindNode is not null) return null;

        if (map.Get("annotations") is MappingNode annotations && annotations.Entries.Any(e => e.Key.StartsWith("operators.operatorframework.io.", StringComparison.Ordinal)))
        {
            return Info("OLM bundle metadata (metadata/annotations.yaml): it describes the bundle to OLM and is not a cluster object; the bundle's objects are the files of its manifests/ folder");
        }

        if (map.Entries.Count > 0 && map.Entries.All(e => TransformerConfigFields.Contains(e.Key)) && map.Entries.Any(e => e.Value is SequenceNode))
        {
            return Info($"kustomize transformer configuration (a file a kustomization lists under 'configurations'), not a cluster object; to analyze what it shapes, run 'kubectl kustomize <folder of the kustomization> | k8s-landscape analyze -'");
        }

        if (LooksLikeObject(map))
        {
            return new NonObjectVerdict(DiagnosticSeverity.Warning, "document has 'metadata' or 'spec' but neither 'apiVersion' nor 'kind': an object with its type missing? skipped");
        }

        return Info("document has neither 'apiVersion' nor 'kind': not a Kubernetes object (a values file or another tool's configuration); skipped");
    }

    /// <summary>The verdict for a sequence whose items are all mappings without <c>kind</c>.</summary>
    public static NonObjectVerdict ClassifyRecords(SequenceNode seq)
    {
        if (seq.Items.All(i => i is MappingNode m && m.GetString("op") is { } op && JsonPatchOps.Contains(op) && m.Get("path") is ScalarNode))
        {
            return Info("JSON patch (RFC 6902 operations, as a kustomization's 'patches' or 'kubectl patch --type json' take them), not a cluster object; to analyze the patched result, run 'kubectl kustomize <folder of the kustomization> | k8s-landscape analyze -'");
        }

        if (seq.Items.Any(i => LooksLikeObject((MappingNode)i)))
        {
            return new NonObjectVerdict(DiagnosticSeverity.Warning, "document is a list of records with 'metadata' or 'spec' but no 'kind': objects with their type missing? skipped");
        }

        return Info("document is a list of records that are not Kubernetes objects (no kind); skipped");
    }

    private static bool IsKubeconfig(MappingNode map, string? apiVersion, string? kind)
    {
        if (kind is not (null or "Config") || apiVersion is not (null or "v1")) return false;
        if (map.Get("metadata") is not null) return false;
        return map.Get("clusters") is not null && (map.Get("contexts") is not null || map.Get("users") is not null || kind == "Config");
    }

    private static bool LooksLikeObject(MappingNode map) =>
        map.Get("metadata") is MappingNode || map.Get("spec") is MappingNode;

    private static string FolderOf(string path)
    {
        if (!IsNamedFile(path)) return "<folder>";
        var folder = System.IO.Path.GetDirectoryName(path);
        return string.IsNullOrEmpty(folder) ? "." : folder.Replace('\\', '/');
    }

    private static bool IsNamedFile(string path) => path != "-" && !path.StartsWith('<');

    private static NonObjectVerdict Info(string message) => new(DiagnosticSeverity.Info, message);
}
