using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model.Api;

namespace K8sLandscape.Model.Lifecycle;

/// <summary>An OLM ClusterServiceVersion: one version of an operator, the APIs it owns and requires, and its phase.</summary>
public sealed record ClusterServiceVersionInfo
{
    /// <summary>The CSV object.</summary>
    public required KubeObject Object { get; init; }

    /// <summary>The CSV name, e.g. <c>strimzi-cluster-operator.v0.45.0</c>.</summary>
    public string Name => Object.Name;

    /// <summary>The namespace.</summary>
    public string? Namespace => Object.Namespace;

    /// <summary><c>spec.displayName</c>.</summary>
    public string? DisplayName { get; init; }

    /// <summary><c>spec.version</c>.</summary>
    public string? Version { get; init; }

    /// <summary><c>spec.replaces</c>: the CSV this one upgrades.</summary>
    public string? Replaces { get; init; }

    /// <summary>The phase (<see cref="CsvPhase.None"/> when there is no status).</summary>
    public CsvPhase Phase { get; init; }

    /// <summary><c>status.phase</c> as written.</summary>
    public string? PhaseText { get; init; }

    /// <summary>CRDs it owns.</summary>
    public IReadOnlyList<CsvApiDescription> OwnedCrds { get; init; } = [];

    /// <summary>CRDs it requires from other operators.</summary>
    public IReadOnlyList<CsvApiDescription> RequiredCrds { get; init; } = [];

    /// <summary>Aggregated API services it owns.</summary>
    public IReadOnlyList<CsvApiDescription> OwnedApiServices { get; init; } = [];

    /// <summary>Aggregated API services it requires.</summary>
    public IReadOnlyList<CsvApiDescription> RequiredApiServices { get; init; } = [];

    /// <summary>Install modes (<c>OwnNamespace</c>, <c>SingleNamespace</c>, <c>MultiNamespace</c>, <c>AllNamespaces</c>) and whether each is supported.</summary>
    public IReadOnlyDictionary<string, bool> InstallModes { get; init; } = new Dictionary<string, bool>();

    /// <summary>The capability level from the <c>capabilities</c> annotation, or null.</summary>
    public OperatorCapabilityLevel? CapabilityLevel { get; init; }

    /// <summary>Names of the deployments its install strategy creates.</summary>
    public IReadOnlyList<string> Deployments { get; init; } = [];

    /// <summary>Reads a CSV.</summary>
    public static ClusterServiceVersionInfo From(KubeObject o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var spec = JsonFields.Obj(o.Body, "spec") ?? default;
        var phaseText = JsonFields.Path(o.Body, "status", "phase") is { ValueKind: JsonValueKind.String } p ? p.GetString() : null;
        var modes = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (_, m) in JsonFields.Items(spec, "installModes"))
        {
            if (JsonFields.Str(m, "type") is { } t) modes[t] = JsonFields.Bool(m, "supported") ?? false;
        }

        var deployments = new List<string>();
        if (JsonFields.Path(spec, "install", "spec") is { } install)
        {
            foreach (var (_, d) in JsonFields.Items(install, "deployments"))
            {
                if (JsonFields.Str(d, "name") is { } n) deployments.Add(n);
            }
        }

        return new ClusterServiceVersionInfo
        {
            Object = o,
            DisplayName = JsonFields.Str(spec, "displayName"),
            Version = JsonFields.Str(spec, "version"),
            Replaces = JsonFields.Str(spec, "replaces"),
            PhaseText = phaseText,
            Phase = LifecycleStates.ClusterServiceVersion.TryParse(phaseText ?? string.Empty, out var phase) ? phase : CsvPhase.Unknown,
            OwnedCrds = Apis(spec, "customresourcedefinitions", "owned", crd: true),
            RequiredCrds = Apis(spec, "customresourcedefinitions", "required", crd: true),
            OwnedApiServices = Apis(spec, "apiservicedefinitions", "owned", crd: false),
            RequiredApiServices = Apis(spec, "apiservicedefinitions", "required", crd: false),
            InstallModes = modes,
            CapabilityLevel = LifecycleStates.TryParseCapabilityLevel(o.Annotations.GetValueOrDefault("capabilities"), out var level) ? level : null,
            Deployments = deployments,
        };
    }

    private static List<CsvApiDescription> Apis(JsonElement spec, string section, string list, bool crd)
    {
        var result = new List<CsvApiDescription>();
        if (JsonFields.Obj(spec, section) is not { } s) return result;
        foreach (var (i, a) in JsonFields.Items(s, list))
        {
            var name = JsonFields.Str(a, "name") ?? string.Empty;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var group = JsonFields.Str(a, "group") ?? (crd && dot > 0 ? name[(dot + 1)..] : string.Empty);
            result.Add(new CsvApiDescription(name, group, JsonFields.Str(a, "version") ?? string.Empty, JsonFields.Str(a, "kind") ?? string.Empty, $"spec.{section}.{list}[{i}]"));
        }

        return result;
    }
}
