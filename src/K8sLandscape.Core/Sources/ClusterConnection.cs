using k8s;
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

    // A kubeconfig is a few KiB (embedded certificates included); anything this large is not one.
    private const long MaxKubeconfigBytes = 16L << 20;

    /// <summary>Builds the KubernetesClient configuration and names the context it uses.</summary>
    /// <exception cref="ClusterSourceException">No configuration was found, or it is invalid; the message names the file.</exception>
    public (KubernetesClientConfiguration Configuration, string ContextName) Resolve()
    {
        var (configuration, context, _) = ResolveWithOrigin();
        return (configuration, context);
    }

    /// <summary>As <see cref="Resolve"/>, and where the configuration came from, for messages.</summary>
    internal (KubernetesClientConfiguration Configuration, string ContextName, string Origin) ResolveWithOrigin()
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
            const string origin = "the pod's service account";
            var configuration = Guard(origin, KubernetesClientConfiguration.InClusterConfig);
            return (CheckServer(configuration, origin, InClusterContext), InClusterContext, origin);
        }

        var home = KubernetesClientConfiguration.KubeConfigDefaultLocation;
        if (File.Exists(home)) return FromFiles([home]);
        throw new ClusterSourceException("no cluster configuration found: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account");
    }

    private (KubernetesClientConfiguration, string, string) FromFiles(string[] files)
    {
        var configs = files.Select(Load).ToArray();
        var origin = files.Length == 1 ? "kubeconfig " + files[0] : "kubeconfig files " + string.Join(", ", files);

        // kubectl's merge: the first file that names a cluster, context or user wins, and the first current-context set wins.
        var merged = configs.Length == 1 ? configs[0] : new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Clusters = configs.SelectMany(c => c.Clusters ?? []).DistinctBy(c => c.Name).ToList(),
            Contexts = configs.SelectMany(c => c.Contexts ?? []).DistinctBy(c => c.Name).ToList(),
            Users = configs.SelectMany(c => c.Users ?? []).DistinctBy(u => u.Name).ToList(),
        };
        var context = Context ?? merged.CurrentContext;
        if (string.IsNullOrEmpty(context)) throw new ClusterSourceException($"{origin}: no current context is set; pass --context");
        if (merged.Contexts?.Any(c => c?.Name == context) != true) throw new ClusterSourceException($"{origin}: there is no context named '{context}'");
        var configuration = Guard(origin, () => KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context));
        return (CheckServer(configuration, origin, context), context, origin);
    }

    private static K8SConfiguration Load(string file)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(file);
        }
        catch (Exception ex) when (ex is ArgumentException or PathTooLongException or NotSupportedException)
        {
            throw new ClusterSourceException($"kubeconfig file name is not valid: {file}", ex);
        }

        if (!info.Exists) throw new ClusterSourceException($"kubeconfig file not found: {file}");
        if (info.Length == 0) throw new ClusterSourceException($"kubeconfig {file}: the file is empty");
        if (info.Length > MaxKubeconfigBytes) throw new ClusterSourceException($"kubeconfig {file}: the file is {info.Length} bytes, too large to be a kubeconfig");

        var config = Guard("kubeconfig " + file, () => KubernetesClientConfiguration.LoadKubeConfig(info, true));
        // The YAML reader returns nothing for a file of comments, and objects of any shape for other YAML.
        if (config is null) throw new ClusterSourceException($"kubeconfig {file}: the file holds no configuration");
        if (!string.IsNullOrEmpty(config.Kind) && config.Kind != "Config") throw new ClusterSourceException($"kubeconfig {file}: not a kubeconfig (its kind is '{config.Kind}', not 'Config')");
        if (config.Clusters?.Any() != true && config.Contexts?.Any() != true && config.Users?.Any() != true)
        {
            throw new ClusterSourceException($"kubeconfig {file}: not a kubeconfig (no clusters, contexts or users)");
        }

        return config;
    }

    private static KubernetesClientConfiguration CheckServer(KubernetesClientConfiguration configuration, string origin, string context)
    {
        var host = configuration.Host;
        if (string.IsNullOrWhiteSpace(host)) throw new ClusterSourceException($"{origin}: context '{context}' names no server");
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) throw new ClusterSourceException($"{origin}: the server '{host}' of context '{context}' is not a URL");
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ClusterSourceException($"{origin}: the server '{host}' of context '{context}' has the scheme '{uri.Scheme}'; only https (and http) are supported");
        }

        return configuration;
    }

    /// <summary>
    /// Runs a step of KubernetesClient's configuration loading. Its YAML reader and model throw many
    /// kinds of exception on a malformed file (YamlDotNet's, null references, format errors); each is
    /// a bad configuration, reported with the file it came from.
    /// </summary>
    internal static T Guard<T>(string origin, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (ClusterSourceException)
        {
            throw;
        }
        catch (NullReferenceException ex)
        {
            // KubernetesClient dereferences whatever the YAML should have held.
            throw new ClusterSourceException($"{origin}: not a usable cluster configuration: the file holds no configuration, or a part of it is missing or of the wrong type", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ClusterSourceException($"{origin}: not a usable cluster configuration: {OneLine(ex.Message)}", ex);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
