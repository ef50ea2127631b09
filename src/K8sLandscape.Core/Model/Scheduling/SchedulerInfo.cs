using K8sLandscape.Loading;

namespace K8sLandscape.Model.Scheduling;

/// <summary>A scheduler that the input shows to exist, and how it is known.</summary>
/// <param name="Name">The scheduler name pods ask for in <c>spec.schedulerName</c>.</param>
/// <param name="Source">
/// <c>built-in</c> (<c>default-scheduler</c>), <c>catalog</c> (a recognized scheduler component's
/// workload), <c>flag</c> (a workload started with <c>--scheduler-name</c>) or <c>profile</c> (a
/// <c>KubeSchedulerConfiguration</c> profile, in a ConfigMap or as a document).
/// </param>
/// <param name="Object">The object that shows it, or null for the built-in scheduler.</param>
public sealed record SchedulerInfo(string Name, string Source, KubeObject? Object);
