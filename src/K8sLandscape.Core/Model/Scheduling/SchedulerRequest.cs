using K8sLandscape.Loading;

namespace K8sLandscape.Model.Scheduling;

/// <summary>A workload whose pods ask for a scheduler other than the default one.</summary>
/// <param name="Workload">The workload (not a copy of a controller in the input).</param>
/// <param name="SchedulerName">The scheduler it asks for.</param>
/// <param name="Path">The field path of <c>schedulerName</c>.</param>
public sealed record SchedulerRequest(KubeObject Workload, string SchedulerName, string Path);
