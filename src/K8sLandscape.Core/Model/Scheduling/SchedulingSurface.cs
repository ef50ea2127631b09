namespace K8sLandscape.Model.Scheduling;

/// <summary>
/// The scheduling layer: PriorityClasses, the schedulers that exist and the workloads that ask for
/// a scheduler by name.
/// </summary>
public sealed class SchedulingSurface
{
    /// <summary>The name of the scheduler every cluster runs.</summary>
    public const string DefaultScheduler = "default-scheduler";

    internal SchedulingSurface(IReadOnlyList<PriorityClassInfo> priorityClasses, IReadOnlyList<SchedulerInfo> schedulers, IReadOnlyList<SchedulerRequest> requests)
    {
        PriorityClasses = priorityClasses;
        Schedulers = schedulers;
        Requests = requests;
    }

    /// <summary>PriorityClasses, one per identity (the first document of a duplicated one), in location order.</summary>
    public IReadOnlyList<PriorityClassInfo> PriorityClasses { get; }

    /// <summary>Schedulers known to exist, sorted by name then source; always includes <see cref="DefaultScheduler"/>.</summary>
    public IReadOnlyList<SchedulerInfo> Schedulers { get; }

    /// <summary>Workloads asking for a non-default scheduler, in location order.</summary>
    public IReadOnlyList<SchedulerRequest> Requests { get; }

    /// <summary>Whether a scheduler of this name is known to exist.</summary>
    public bool Provides(string schedulerName) => Schedulers.Any(s => string.Equals(s.Name, schedulerName, StringComparison.Ordinal));
}
