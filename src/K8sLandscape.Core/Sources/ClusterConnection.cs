using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace K8sLandscape.Sources;

/// <summary>
/// Where to find a cluster and how to authenticate, resolved the way kubectl does: an explicit
/// kubeconfig file, else the <c>KUBECONFIG</c> variable (several files joined by the path separator),
/// else the service account of the pod the tool runs in, else <c>~/.kube/config</c>.
/// </summary>
/// <param name="KubeconfigPath">A kubeconfig file, or null to look for one.</param>
/// <param name="Context">The context to use, or null for the current context.</param>
public sealed record ClusterConnection(string? KubeconfigPath = null, string? Context = null)
{
    /// <summary>The context name given to the in-cluster (service account) configuration.</summary>
    public const string InClusterContext = "in-cluster";

    /// <summary>Builds the KubernetesClient configuration and names the context it uses.</summary>
    /// <exception cref="ClusterSourceException">No configuration was found, or it is invalid.</exception>
    public (KubernetesClientConfiguration Configuration, string ContextName) Resolve()
    {
        try
        {
            if (!string.IsNullOrEmpty(KubeconfigPath)) return FromFiles([KubeconfigPath]);

            var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                var files = fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (files.Length > 0) return FromFiles(files);
            }

            if (Context is null && KubernetesClientConfiguration.IsInCluster())
            {
                return (KubernetesClientConfiguration.InClusterConfig(), InClusterContext);
            }

            var home = KubernetesClientConfiguration.KubeConfigDefaultLocation;
            if (File.Exists(home)) return FromFiles([home]);
            throw new ClusterSourceException("no cluster configuration found: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account");
        }
        catch (KubeConfigException ex)
        {
            throw new ClusterSourceException($"invalid cluster configuration: {ex.Message}", ex);
        }
    }

    private (KubernetesClientConfiguration, string) FromFiles(string[] files)
    {
        foreach (var f in files)
        {
            if (!File.Exists(f)) throw new ClusterSourceException($"kubeconfig file not found: {f}");
        }

        if (files.Length == 1)
        {
            var single = KubernetesClientConfiguration.BuildConfigFromConfigFile(files[0], Context);
            return (single, single.CurrentContext ?? Context ?? "default");
        }

        // kubectl's merge: the first file that names a cluster, context or user wins, and the first current-context set wins.
        var configs = files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(f), true)).ToArray();
        var merged = new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Clusters = configs.SelectMany(c => c.Clusters ?? []).DistinctBy(c => c.Name).ToList(),
            Contexts = configs.SelectMany(c => c.Contexts ?? []).DistinctBy(c => c.Name).ToList(),
            Users = configs.SelectMany(c => c.Users ?? []).DistinctBy(u => u.Name).ToList(),
        };
        var context = Context ?? merged.CurrentContext;
        if (string.IsNullOrEmpty(context)) throw new ClusterSourceException("the kubeconfig has no current context: pass --context");
        return (KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context), context);
    }
}
