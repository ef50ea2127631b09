using K8sLandscape.Json;
using System.Text.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Workloads;

namespace K8sLandscape.Analyzers.Rules.Lifecycle;

/// <summary>Shared helpers of the lifecycle and layer rules: naming parties, ordering them, reading JSON.</summary>
internal static class LifecycleParties
{
    /// <summary><c>namespace/name</c>, or the name of a cluster-scoped object.</summary>
    public static string Name(KubeObject o) => o.Namespace is null ? o.Name : o.Namespace + "/" + o.Name;

    /// <summary>Joins names with ", " in the given order.</summary>
    public static string Join(IEnumerable<string> names) => string.Join(", ", names);

    /// <summary>Distinct objects (by reference) in location order.</summary>
    public static KubeObject[] Ordered(IEnumerable<KubeObject> objects) =>
        objects.Distinct(ReferenceEqualityComparer.Instance).Cast<KubeObject>().OrderBy(o => o.Location).ToArray();

    /// <summary>The first document of each API identity, in location order (a duplicated document is one party, not two).</summary>
    public static KubeObject[] DistinctByRef(IEnumerable<KubeObject> objects) =>
        objects.OrderBy(o => o.Location).DistinctBy(o => o.Ref).ToArray();

    /// <summary>
    /// The workloads that are installation units: controllers (Deployments, DaemonSets, StatefulSets,
    /// ReplicaSets, ReplicationControllers) whose own controller is not in the input. Pods and the
    /// ReplicaSets of a dumped Deployment are copies of their owner's template, and Jobs run to
    /// completion, so counting them would report one installation several times.
    /// </summary>
    public static IEnumerable<Workload> InstallUnits(IEnumerable<Workload> workloads, ObjectIndex objects) =>
        workloads.Where(w => w.Object.Kind is "Deployment" or "DaemonSet" or "StatefulSet" or "ReplicaSet" or "ReplicationController"
            && !HasControllerInInput(w, objects));

    /// <summary>Workloads that are not copies of a controller in the input (bare Pods count, a Deployment's Pods do not).</summary>
    public static IEnumerable<Workload> TemplateOwners(IEnumerable<Workload> workloads, ObjectIndex objects) =>
        workloads.Where(w => !HasControllerInInput(w, objects));

    /// <summary>True when the workload's controller owner reference names an object present in the input.</summary>
    public static bool HasControllerInInput(Workload w, ObjectIndex objects) =>
        w.Controller is { } controller && objects.Find(controller).Count > 0;

    /// <summary>The value of a command-line flag (<c>--flag=value</c> or <c>--flag value</c>) in a container's command or args.</summary>
    public static IEnumerable<(string Value, string Path)> FlagValues(Workload w, string flag)
    {
        foreach (var c in w.Containers)
        {
            foreach (var (field, args) in new[] { ("command", c.Command), ("args", c.Args) })
            {
                for (var i = 0; i < args.Count; i++)
                {
                    if (args[i].StartsWith(flag + "=", StringComparison.Ordinal)) yield return (args[i][(flag.Length + 1)..], $"{c.Path}.{field}[{i}]");
                    else if (string.Equals(args[i], flag, StringComparison.Ordinal) && i + 1 < args.Count) yield return (args[i + 1], $"{c.Path}.{field}[{i + 1}]");
                }
            }
        }
    }
}
