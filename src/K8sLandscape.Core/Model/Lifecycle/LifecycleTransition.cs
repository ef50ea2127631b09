namespace K8sLandscape.Model.Lifecycle;

/// <summary>An allowed move between two states, with what causes it.</summary>
/// <typeparam name="TState">The enum of states.</typeparam>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
/// <param name="Trigger">What causes it, e.g. <c>helm upgrade succeeded</c>.</param>
public sealed record LifecycleTransition<TState>(TState From, TState To, string Trigger)
    where TState : struct, Enum;
