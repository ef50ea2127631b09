using System.Text.RegularExpressions;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Discovery;

/// <summary>
/// Groups the workloads of each recognized component into installations and gives each workload its
/// role. The unit rules count is the installation: different namespaces or instances are different
/// installations, and a role that runs twice is a second installation even inside one namespace.
/// </summary>
internal static partial class InstallationDiscovery
{
    // Flags whose value selects what one binary does (Gatekeeper's --operation=audit vs webhook).
    private static readonly string[] RoleFlags = ["--operation", "--mode", "--role", "--component"];

    public static IReadOnlyList<Installation> Build(LandscapeContext context)
    {
        var units = new Dictionary<KubeObject, Workload>(ReferenceEqualityComparer.Instance);
        foreach (var w in InstallUnits(context.Workloads, context.Objects)) units.TryAdd(w.Object, w);

        var result = new List<Installation>();
        foreach (var c in context.Components)
        {
            var images = c.Evidence.Where(e => e.Fingerprint == "image").Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
            var workloads = c.Objects
                .Select(o => units.GetValueOrDefault(o))
                .OfType<Workload>()
                .OrderBy(w => w.Object.Location)
                .DistinctBy(w => w.Object.Ref)
                .Select(w => Role(w, images))
                .ToArray();
            if (workloads.Length == 0) continue;
            result.AddRange(Group(c, workloads));
        }

        return result.OrderBy(i => i.ComponentId, StringComparer.Ordinal).ThenBy(i => i.Representative.Location).ToArray();
    }

    /// <summary>
    /// The workloads that are installation units: controllers (Deployments, DaemonSets, StatefulSets,
    /// ReplicaSets, ReplicationControllers) whose own controller is not in the input. Pods and the
    /// ReplicaSets of a dumped Deployment are copies of their owner's template, and Jobs run to
    /// completion, so counting them would count one installation several times.
    /// </summary>
    public static IEnumerable<Workload> InstallUnits(IEnumerable<Workload> workloads, ObjectIndex objects) =>
        workloads.Where(w => w.Object.Kind is "Deployment" or "DaemonSet" or "StatefulSet" or "ReplicaSet" or "ReplicationController"
            && !(w.Controller is { } controller && objects.Find(controller).Count > 0));

    /// <summary>Workloads that are not copies of a controller in the input (bare Pods count, a Deployment's Pods do not).</summary>
    public static IEnumerable<Workload> TemplateOwners(IEnumerable<Workload> workloads, ObjectIndex objects) =>
        workloads.Where(w => !(w.Controller is { } controller && objects.Find(controller).Count > 0));

    private static IEnumerable<Installation> Group(RecognizedComponent c, InstalledWorkload[] workloads)
    {
        foreach (var byNamespace in workloads.GroupBy(w => w.Workload.Object.Namespace ?? string.Empty, StringComparer.Ordinal))
        {
            var byInstance = byNamespace
                .GroupBy(w => InstanceOf(w.Workload.Object), new InstanceComparer())
                .Select(g => g.ToArray())
                .ToList();

            // Instance labels separate installations only where they explain a repeated role: some
            // bundles label each of their workloads with its own instance, and those stay one install.
            if (byInstance.Count > 1 && !HasRepeatedRole(byInstance.SelectMany(g => g)))
            {
                byInstance = [byInstance.SelectMany(g => g).OrderBy(w => w.Workload.Object.Location).ToArray()];
            }

            foreach (var group in byInstance)
            {
                var instances = group.Select(w => InstanceOf(w.Workload.Object)).Where(i => i.Value is not null).DistinctBy(i => i.Value).ToArray();
                var partOf = group.Select(w => Label(w.Workload, "app.kubernetes.io/part-of")).Where(v => v is not null).Distinct(StringComparer.Ordinal).ToArray();
                yield return new Installation
                {
                    ComponentId = c.Id,
                    ComponentName = c.Definition.Name,
                    Namespace = byNamespace.Key.Length == 0 ? null : byNamespace.Key,
                    Instance = instances.Length == 1 ? instances[0].Value : null,
                    InstanceSource = instances.Length == 1 ? instances[0].Source : null,
                    PartOf = partOf.Length == 1 ? partOf[0] : null,
                    Workloads = group.OrderBy(w => w.Workload.Object.Location).ToArray(),
                };
            }
        }
    }

    private static bool HasRepeatedRole(IEnumerable<InstalledWorkload> workloads) =>
        workloads.GroupBy(w => w.Role, StringComparer.Ordinal).Any(g => g.Count() > 1);

    private static (string? Value, string? Source) InstanceOf(KubeObject o)
    {
        if (o.Annotations.GetValueOrDefault("meta.helm.sh/release-name") is { Length: > 0 } release) return (release, "helm-release");
        if (o.Labels.GetValueOrDefault("app.kubernetes.io/instance") is { Length: > 0 } instance) return (instance, "instance-label");
        if (o.Labels.GetValueOrDefault("release") is { Length: > 0 } old) return (old, "release-label");
        return (null, null);
    }

    private static string? Label(Workload w, string key) =>
        w.Object.Labels.GetValueOrDefault(key) is { Length: > 0 } v ? v : w.TemplateLabels.GetValueOrDefault(key) is { Length: > 0 } t ? t : null;

    private static InstalledWorkload Role(Workload w, HashSet<string> componentImages)
    {
        var workloadClass = w.Object.Kind switch
        {
            "DaemonSet" => "node-agent",
            _ => "controller",
        };

        var main = w.Containers.Where(c => !c.IsInit).ToArray();
        var matched = w.Containers.Where(c => componentImages.Contains(c.Image)).ToArray();
        ContainerInfo? container;
        var placement = string.Empty;
        if (matched.Length == 0)
        {
            // Recognized by name or label rather than image: the workload's own first container speaks for it.
            container = main.Length > 0 ? main[0] : w.Containers.Count > 0 ? w.Containers[0] : null;
        }
        else if (matched.FirstOrDefault(c => !c.IsInit) is { } m)
        {
            container = m;
            if (main.Length > 1 && !ReferenceEquals(main[0], m) && !componentImages.Contains(main[0].Image)) placement = ":sidecar";
        }
        else
        {
            container = matched[0];
            placement = ":init";
        }

        if (container is null) return new InstalledWorkload(w, workloadClass + ":" + w.Object.Name, w.PodSpecPath);

        var parts = new List<string> { workloadClass + ":" + ImageReference.Parse(container.Image).Repository + placement };
        if (container.Command.Count > 0) parts.Add(Path.GetFileName(container.Command[0]));
        var arguments = container.Command.Skip(1).Concat(container.Args).ToArray();
        if (arguments.Length > 0 && SubCommand().IsMatch(arguments[0])) parts.Add(arguments[0]);
        foreach (var flag in RoleFlags)
        {
            var values = container.FlagValues(flag).Select(v => v.Value).Order(StringComparer.Ordinal).ToArray();
            if (values.Length > 0) parts.Add(flag + "=" + string.Join(",", values));
        }

        return new InstalledWorkload(w, string.Join(" ", parts), container.Path);
    }

    // A sub-command is a plain word (`server`, `controller`), not a value, a path or a flag.
    [GeneratedRegex("^[a-z][a-z0-9-]{0,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubCommand();

    private sealed class InstanceComparer : IEqualityComparer<(string? Value, string? Source)>
    {
        public bool Equals((string? Value, string? Source) x, (string? Value, string? Source) y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal);

        public int GetHashCode((string? Value, string? Source) obj) => obj.Value is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Value);
    }
}
